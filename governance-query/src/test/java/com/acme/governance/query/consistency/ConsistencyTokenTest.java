package com.acme.governance.query.consistency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConsistencyTokenTest {

    @Test
    void parsesAggregateIdAndSequence() {
        assertThat(ConsistencyToken.parse("sales.orders:3")).isEqualTo(new ConsistencyToken("sales.orders", 3));
    }

    @Test
    void theSequenceIsAfterTheLastColon() {
        assertThat(ConsistencyToken.parse("urn:request:7f3c:12")).isEqualTo(new ConsistencyToken("urn:request:7f3c", 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "sales.orders", "sales.orders:", ":3", "sales.orders:-1", "sales.orders:three",
            "sales.orders:1.5", "sales.orders:9999999999999999999"})
    void refusesAnythingElse(String token) {
        assertThatIllegalArgumentException().isThrownBy(() -> ConsistencyToken.parse(token));
    }

    @Test
    void refusesOverlongTokens() {
        assertThatIllegalArgumentException().isThrownBy(() -> ConsistencyToken.parse("a".repeat(400) + ":1"));
    }
}
