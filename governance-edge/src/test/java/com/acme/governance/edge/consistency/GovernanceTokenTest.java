package com.acme.governance.edge.consistency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GovernanceTokenTest {

    @Test
    void parsesAggregateIdAndSequence() {
        assertThat(GovernanceToken.parse("sales.orders:3")).isEqualTo(new GovernanceToken("sales.orders", 3));
    }

    @Test
    void theSequenceIsAfterTheLastColon() {
        assertThat(GovernanceToken.parse("urn:request:7f3c:12")).isEqualTo(new GovernanceToken("urn:request:7f3c", 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "sales.orders", "sales.orders:", ":3", "sales.orders:-1", "sales.orders:three",
            "sales.orders:1.5", "sales.orders:9999999999999999999"})
    void refusesAnythingElse(String token) {
        assertThatIllegalArgumentException().isThrownBy(() -> GovernanceToken.parse(token));
    }

    @Test
    void refusesOverlongTokens() {
        assertThatIllegalArgumentException().isThrownBy(() -> GovernanceToken.parse("a".repeat(400) + ":1"));
    }
}
