package com.acme.governance.query.ingestion;

import com.acme.governance.api.audit.EventCatalog;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One governance event as it arrived from Kafka: the CloudEvents envelope, its audit metadata and the payload.
 *
 * The audit log keeps it field by field in a document of its own ({@code AuditEventDocument}); it is stored nowhere as it is.
 *
 * @param sequence     0-based position of the event in its aggregate's stream
 * @param issuer       who vouched for the principal; null for an event recorded before issuers were kept
 * @param previousHash empty for the first event of an aggregate
 */
public record IncomingEvent(String eventId, String type, String aggregateId, String aggregateType, long sequence,
                            Instant time, String principal, String issuer, List<String> teams, List<String> roles,
                            String correlationId, String causationId, String hash, String previousHash,
                            JsonNode payload) {

    public IncomingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, got " + sequence);
        }
        teams = teams == null ? List.of() : List.copyOf(teams);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The published event class, or empty when this service is older than the event's producer. */
    public Optional<Class<?>> eventClass() {
        return EventCatalog.classOf(type);
    }

    public boolean isCatalogued() {
        return eventClass().isPresent();
    }

    public boolean is(Class<?> eventClass) {
        return eventClass().filter(eventClass::equals).isPresent();
    }

    /** "aggregate:sequence (type, id)" for log lines. */
    public String describe() {
        return aggregateId + ":" + sequence + " (" + type + ", " + eventId + ")";
    }
}
