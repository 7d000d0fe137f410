package com.acme.governance.query.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;
import java.util.List;

/**
 * One event of an aggregate's history, with the audit metadata that says who, when, why and its hash link. Read
 * from {@code audit_events} by the driver's record codec: its components name fields of the stored envelope.
 *
 * @param aggregateId whose history it is: what the caller asked for, so not repeated in each answered entry
 */
public record HistoryEntry(@BsonId String eventId, @JsonIgnore String aggregateId, String type, long sequence,
                           Instant time, String principal, List<String> teams, List<String> roles,
                           String correlationId, String causationId, String hash, String previousHash,
                           JsonNode payload) {
}
