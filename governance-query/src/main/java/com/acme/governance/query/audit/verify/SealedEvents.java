package com.acme.governance.query.audit.verify;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.HashChain;
import com.acme.governance.api.audit.SealedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.bson.BsonValue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link SealedEvent} of a stored event from the stored document alone, as stored: the payload is the
 * stored JSON text parsed as JSON, never deserialized into its class (so no upcaster can change what is verified),
 * the type is the stored payload type at its stored revision, and who, issuer, teams, roles, correlation, causation
 * and the two hashes are the stored metadata. Whatever someone altered is still read, so that it fails its hash rather
 * than the verification: text that is no JSON becomes a JSON string, a timestamp that is no instant the epoch.
 */
final class SealedEvents {

    private final ObjectMapper objectMapper;

    SealedEvents(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    SealedEvent of(StoredEvent event) {
        JsonNode metaData = json(event.serializedMetaData());
        HashChain.Link link = HashChain.Link.of(event.aggregateId(), event.sequence(),
                StoredEventType.of(event.payloadType(), event.payloadRevision()), event.eventId(),
                instant(event.timestamp()), json(event.serializedPayload()), key -> text(metaData.get(key)),
                key -> strings(metaData.get(key)));
        return new SealedEvent(link, text(metaData.get(AuditMetadata.PREVIOUS_HASH)),
                text(metaData.get(AuditMetadata.HASH)));
    }

    private JsonNode json(BsonValue stored) {
        if (stored == null || stored.isNull()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (!stored.isString()) {
            return JsonNodeFactory.instance.textNode(stored.toString());
        }
        String text = stored.asString().getValue();
        try {
            JsonNode parsed = objectMapper.readTree(text);
            return parsed == null || parsed.isMissingNode() ? JsonNodeFactory.instance.textNode(text) : parsed;
        } catch (JsonProcessingException notJson) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    private static Instant instant(String timestamp) {
        if (timestamp == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException notAnInstant) {
            return Instant.EPOCH;
        }
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static List<String> strings(JsonNode values) {
        List<String> strings = new ArrayList<>();
        if (values != null && values.isArray()) {
            values.forEach(value -> strings.add(text(value)));
        }
        return strings;
    }
}
