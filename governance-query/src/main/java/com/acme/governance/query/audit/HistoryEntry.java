package com.acme.governance.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** One event of an aggregate's history, with the audit metadata that says who, when, why and its hash link. */
public record HistoryEntry(String eventId, String type, long sequence, Instant time, String principal,
                           List<String> teams, List<String> roles, String correlationId, String causationId,
                           String hash, String previousHash, JsonNode payload) {
}
