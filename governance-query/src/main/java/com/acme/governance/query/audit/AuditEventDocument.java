package com.acme.governance.query.audit;

import com.acme.governance.query.ingestion.IncomingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;
import java.util.List;

/**
 * A document of {@code audit_events}: the {@link IncomingEvent} whole, field by field, and its place in the trail.
 *
 * @param trailTime the event's time, or its predecessor's trail time when that is later: the trail's order is by
 *                  it (adr/0021), so that each aggregate's events come in sequence order even when the clocks of
 *                  the command instances that appended them disagreed
 */
public record AuditEventDocument(@BsonId String eventId, String type, String aggregateId, String aggregateType,
                                 long sequence, Instant time, String principal, String issuer, List<String> teams,
                                 List<String> roles, String correlationId, String causationId, String hash,
                                 String previousHash, JsonNode payload, Instant trailTime) {

    static AuditEventDocument of(IncomingEvent event, Instant trailTime) {
        return new AuditEventDocument(event.eventId(), event.type(), event.aggregateId(), event.aggregateType(),
                event.sequence(), event.time(), event.principal(), event.issuer(), event.teams(), event.roles(),
                event.correlationId(), event.causationId(), event.hash(), event.previousHash(), event.payload(),
                trailTime);
    }

    /** The event as it arrived, envelope and payload as published. */
    IncomingEvent incoming() {
        return new IncomingEvent(eventId, type, aggregateId, aggregateType, sequence, time, principal, issuer, teams,
                roles, correlationId, causationId, hash, previousHash, payload);
    }

    AuditTrailItem item() {
        return new AuditTrailItem(eventId, aggregateId, aggregateType, sequence, type, AuditTrailItem.revisionOf(type),
                time, principal, issuer, teams, roles, correlationId, causationId, hash, previousHash, payload);
    }

    /** Where this event stands in the trail's order, for the cursor that resumes after it. */
    AuditCursor position() {
        return new AuditCursor(trailTime, aggregateId, sequence);
    }

    /** Only the trail time of a stored event, read to place its successor. */
    public record TrailTime(Instant trailTime) {
    }
}
