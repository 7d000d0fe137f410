package com.acme.governance.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * The per-aggregate hash chain of the audit trail. An event's canonical bytes are the UTF-8 JSON, keys sorted
 * at every level and no whitespace, of:
 * {@code {aggregateId, sequenceNumber, type, eventId, timestamp, payload, principal, teams, roles, correlationId, causationId}}
 * (timestamp as ISO-8601 UTC truncated to milliseconds, payload as the event's JSON), and {@code issuer} beside
 * {@code principal} when the event records one (adr/0032: events recorded before the issuer was kept hash as before,
 * and removing a recorded issuer changes the bytes as surely as altering it).
 * Its hash is the lowercase hex SHA-256 of {@code previousHash + "\n" + canonicalBytes}, where
 * {@code previousHash} is the empty string for the first event of an aggregate.
 *
 * <p>Anyone holding the events (from Kafka or the audit trail) can recompute the chain with this class alone.
 */
public final class HashChain {

    private HashChain() {
    }

    public record Link(String aggregateId, long sequenceNumber, String type, String eventId, Instant timestamp,
                       JsonNode payload, String principal, List<String> teams, List<String> roles,
                       String correlationId, String causationId, String issuer) {

        /**
         * The link of an event whose audit metadata ({@link AuditMetadata}'s keys) is read by these two accessors,
         * whatever holds it: Axon's metadata, the stored JSON, a Kafka record's extensions.
         */
        public static Link of(String aggregateId, long sequenceNumber, String type, String eventId, Instant timestamp,
                              JsonNode payload, Function<String, String> text, Function<String, List<String>> list) {
            return new Link(aggregateId, sequenceNumber, type, eventId, timestamp, payload,
                    text.apply(AuditMetadata.PRINCIPAL), list.apply(AuditMetadata.TEAMS),
                    list.apply(AuditMetadata.ROLES), text.apply(AuditMetadata.CORRELATION_ID),
                    text.apply(AuditMetadata.CAUSATION_ID), text.apply(AuditMetadata.ISSUER));
        }

        /** The link of an event that records no issuer. */
        public Link(String aggregateId, long sequenceNumber, String type, String eventId, Instant timestamp,
                    JsonNode payload, String principal, List<String> teams, List<String> roles,
                    String correlationId, String causationId) {
            this(aggregateId, sequenceNumber, type, eventId, timestamp, payload, principal, teams, roles,
                    correlationId, causationId, null);
        }
    }

    public static String hash(String previousHash, Link link) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((previousHash == null ? "" : previousHash).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(canonicalBytes(link));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static byte[] canonicalBytes(Link link) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("aggregateId", link.aggregateId());
        node.put("sequenceNumber", link.sequenceNumber());
        node.put("type", link.type());
        node.put("eventId", link.eventId());
        node.put("timestamp", link.timestamp().truncatedTo(ChronoUnit.MILLIS).toString());
        node.set("payload", link.payload() == null ? JsonNodeFactory.instance.nullNode() : link.payload());
        node.put("principal", link.principal());
        if (link.issuer() != null) {
            node.put("issuer", link.issuer());
        }
        ArrayNode teams = node.putArray("teams");
        (link.teams() == null ? List.<String>of() : link.teams()).forEach(teams::add);
        ArrayNode roles = node.putArray("roles");
        (link.roles() == null ? List.<String>of() : link.roles()).forEach(roles::add);
        node.put("correlationId", link.correlationId());
        node.put("causationId", link.causationId());
        return CanonicalJson.bytes(node);
    }
}
