package com.acme.governance.query.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail's cursor: opaque on the wire, read back only exactly as it was issued. */
class AuditCursorTest {

    private static final AuditCursor CURSOR = new AuditCursor(Instant.parse("2026-03-01T09:00:00.123Z"), "sales.orders", 4);

    @Test
    void anIssuedCursorReadsBackAsItsPosition() {
        assertThat(AuditCursor.decode(CURSOR.encode())).isEqualTo(CURSOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"t\":\"2026-03-01T09:00:00.123Z\",\"a\":\"sales.orders\",\"s\":-1}",
            "{\"t\":\"2026-03-01T09:00:00.123Z\",\"a\":\"sales.orders\",\"s\":4,\"x\":1}",
            "{\"t\":\"2026-03-01T09:00:00.123Z\",\"a\":\"sales.orders\",\"s\":\"4\"}",
            "{\"t\":\"2026-03-01T09:00:00.123Z\",\"a\":\"sales.orders\",\"s\":4.5}",
            "{\"t\":\"yesterday\",\"a\":\"sales.orders\",\"s\":4}",
            "{\"t\":\"2026-03-01T09:00:00.123Z\",\"a\":\"\",\"s\":4}",
            "{\"a\":\"sales.orders\",\"t\":\"2026-03-01T09:00:00.123Z\",\"s\":4}",
            "{\"t\":\"2026-03-01T09:00:00.123Z\", \"a\":\"sales.orders\",\"s\":4}",
            "[\"2026-03-01T09:00:00.123Z\",\"sales.orders\",4]",
            "null"})
    void aCursorItDidNotIssueIsRefused(String json) {
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AuditCursor.decode(forged))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("is not a cursor of this list: pass the 'next' of a page unchanged");
    }

    /** Not signed: an edited key of the right form is just another position, which grants nothing (adr/0021). */
    @Test
    void aWellFormedKeyIsAPosition() {
        String edited = new AuditCursor(CURSOR.time(), CURSOR.aggregateId(), 5).encode();

        assertThat(AuditCursor.decode(edited).sequence()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "e30=", "not base64!", "e30", "%7B%7D"})
    void malformedTextIsRefused(String cursor) {
        assertThatThrownBy(() -> AuditCursor.decode(cursor)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOverlongCursorIsRefusedBeforeDecoding() {
        assertThatThrownBy(() -> AuditCursor.decode("A".repeat(AuditCursor.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
