package com.acme.governance.query.ingestion;

import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.query.support.TestJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPayloadsTest {

    private static final String DEPRECATED_V1 = "governance.dataproduct.deprecated.v1";

    private final EventPayloads payloads = new EventPayloads(TestJson.MAPPER);

    @Test
    void aSupersededRevisionIsReadThroughItsTransform() {
        DataProductDeprecated read = payloads.read(deprecation(TestJson.MAPPER.createObjectNode()
                .put("id", "sales.orders").put("reason", "replaced")), DataProductDeprecated.class);

        assertThat(read.reason()).isEqualTo("replaced");
        assertThat(read.replacedBy()).isNull();
    }

    @Test
    void aSupersededRevisionThatIsNoObjectIsMalformedNotAFailureToRetry() {
        assertThatThrownBy(() -> payloads.read(deprecation(TextNode.valueOf("deprecated")), DataProductDeprecated.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("is not a valid DataProductDeprecated");
    }

    private static IncomingEvent deprecation(JsonNode payload) {
        return new IncomingEvent("e-3", DEPRECATED_V1, "sales.orders", "DataProduct", 2,
                Instant.parse("2026-03-01T09:00:00Z"), "alice", null, List.of("sales"), List.of(), "c", "c", "h", "p",
                payload);
    }
}
