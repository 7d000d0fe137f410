package com.acme.governance.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event of the audit trail, as {@code GET /audit/events} answers it and as each line of its NDJSON export: the
 * whole envelope, enough to recompute the event's link in its aggregate's hash chain ({@code HashChain}) offline.
 * Every field is always present, null where unknown, so that a reader in any language sees one fixed shape.
 *
 * @param sequence     0-based position in the aggregate's stream
 * @param type         the CloudEvents type, e.g. {@code governance.dataproduct.registered.v1}
 * @param revision     the revision of the payload's shape, the type's {@code .v<n>} suffix; null for a type without one
 * @param issuer       who vouched for the principal (a JWT's {@code iss}); null for events recorded before issuers
 *                     were kept
 * @param previousHash empty for the first event of an aggregate
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"eventId", "aggregateId", "aggregateType", "sequence", "type", "revision", "time", "principal",
        "issuer", "teams", "roles", "correlationId", "causationId", "hash", "previousHash", "payload"})
public record AuditTrailItem(String eventId, String aggregateId, String aggregateType, long sequence, String type,
                             String revision, Instant time, String principal, String issuer,
                             List<String> teams, List<String> roles,
                             String correlationId, String causationId, String hash, String previousHash,
                             JsonNode payload) {

    /** The relay names every type {@code <name>.v<revision>} ({@code EventCatalog.typeOf}); the envelope has no other. */
    private static final Pattern REVISION_SUFFIX = Pattern.compile("\\.v(\\d+)$");

    /** An event as it arrived from the log, as the trail shows it. */
    public static AuditTrailItem of(IncomingEvent event) {
        return new AuditTrailItem(event.eventId(), event.aggregateId(), event.aggregateType(), event.sequence(),
                event.type(), revisionOf(event.type()), event.time(), event.principal(), event.issuer(), event.teams(),
                event.roles(),
                event.correlationId(), event.causationId(), event.hash(), event.previousHash(), event.payload());
    }

    static String revisionOf(String type) {
        Matcher suffix = REVISION_SUFFIX.matcher(type);
        return suffix.find() ? suffix.group(1) : null;
    }
}
