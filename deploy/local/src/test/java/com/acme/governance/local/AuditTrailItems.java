package com.acme.governance.local;

import com.acme.governance.api.audit.HashChain;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

/** An item of {@code /api/v1/audit/events} as an auditor checks it: its hash recomputed from the item alone. */
final class AuditTrailItems {

    private AuditTrailItems() {
    }

    static String recomputedHash(JsonNode item) {
        return HashChain.hash(item.path("previousHash").asText(), new HashChain.Link(item.path("aggregateId").asText(),
                item.path("sequence").asLong(), item.path("type").asText(), item.path("eventId").asText(),
                Instant.parse(item.path("time").asText()), item.path("payload"), item.path("principal").asText(),
                strings(item.path("teams")), strings(item.path("roles")), text(item.path("correlationId")),
                text(item.path("causationId")), item.path("issuer").isMissingNode() ? null : text(item.path("issuer"))));
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.asText();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
