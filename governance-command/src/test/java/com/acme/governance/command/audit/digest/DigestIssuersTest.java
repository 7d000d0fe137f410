package com.acme.governance.command.audit.digest;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.command.common.NotPermittedException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestIssuersTest {

    @Test
    void aCallerNamedLikeTheSystemIsNoRequesterOfDigests() {
        assertThatThrownBy(() -> DigestIssuers.requireRequester(DigestIssuers.SYSTEM))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("system is neither an auditor nor an operator");
    }

    @Test
    void auditorsAndOperatorsAreRequesters() {
        assertThatCode(() -> DigestIssuers.requireRequester(new Actor("dave", List.of(), List.of(Actor.AUDITOR))))
                .doesNotThrowAnyException();
        assertThatCode(() -> DigestIssuers.requireRequester(new Actor("admin", List.of(), List.of(Actor.OPERATOR))))
                .doesNotThrowAnyException();
    }
}
