package com.acme.governance.api.audit.testing;

import com.acme.governance.api.audit.AuditDigest;
import com.acme.governance.api.audit.HashChain;
import com.acme.governance.api.audit.SealedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Real hash chains, sealed by {@link HashChain}, and the ways a tamperer would change them. */
public final class SealedChains {

    private static final Instant START = Instant.parse("2026-12-02T09:00:00Z");
    /** Who vouches for every event but an aggregate's first: a history begun before issuers were kept (adr/0032). */
    public static final String ISSUER = "https://idp.example.com/realms/mesh";

    private SealedChains() {
    }

    /** A valid chain of {@code length} events, each carrying its sequence in its payload. */
    public static List<SealedEvent> chain(String aggregateId, int length) {
        List<SealedEvent> chain = new ArrayList<>();
        String previousHash = "";
        for (int sequence = 0; sequence < length; sequence++) {
            SealedEvent event = sealed(previousHash, link(aggregateId, sequence,
                    JsonNodeFactory.instance.objectNode().put("step", sequence).put("note", "é\u2028\"quoted\"")));
            chain.add(event);
            previousHash = event.hash();
        }
        return chain;
    }

    public static SealedEvent sealed(String previousHash, HashChain.Link link) {
        return new SealedEvent(link, previousHash, HashChain.hash(previousHash, link));
    }

    /** The same event with another payload, its stored hashes untouched: what an edit in the store does. */
    public static SealedEvent withPayload(SealedEvent event, JsonNode payload) {
        HashChain.Link l = event.link();
        return new SealedEvent(new HashChain.Link(l.aggregateId(), l.sequenceNumber(), l.type(), l.eventId(),
                l.timestamp(), payload, l.principal(), l.teams(), l.roles(), l.correlationId(), l.causationId(),
                l.issuer()),
                event.previousHash(), event.hash());
    }

    /** The same event moved to another sequence number: what exchanging two events' places in the store does. */
    public static SealedEvent atSequence(SealedEvent event, long sequence) {
        HashChain.Link l = event.link();
        return new SealedEvent(new HashChain.Link(l.aggregateId(), sequence, l.type(), l.eventId(), l.timestamp(),
                l.payload(), l.principal(), l.teams(), l.roles(), l.correlationId(), l.causationId(), l.issuer()),
                event.previousHash(), event.hash());
    }

    /** The same event vouched for by another issuer, or by none: what an edit of the store's metadata does. */
    public static SealedEvent withIssuer(SealedEvent event, String issuer) {
        HashChain.Link l = event.link();
        return new SealedEvent(new HashChain.Link(l.aggregateId(), l.sequenceNumber(), l.type(), l.eventId(),
                l.timestamp(), l.payload(), l.principal(), l.teams(), l.roles(), l.correlationId(), l.causationId(),
                issuer), event.previousHash(), event.hash());
    }

    /** Round-robin over the chains, as events of several aggregates arrive in one history. */
    @SafeVarargs
    public static List<SealedEvent> interleaved(List<SealedEvent>... chains) {
        List<Iterator<SealedEvent>> cursors = Arrays.stream(chains).map(List::iterator).toList();
        List<SealedEvent> history = new ArrayList<>();
        boolean more = true;
        while (more) {
            more = false;
            for (Iterator<SealedEvent> cursor : cursors) {
                if (cursor.hasNext()) {
                    history.add(cursor.next());
                    more = true;
                }
            }
        }
        return history;
    }

    /** An unsigned digest of the history's heads as they stand. */
    public static AuditDigest digestOf(List<SealedEvent> history) {
        Map<String, AuditDigest.Head> heads = new LinkedHashMap<>();
        history.forEach(event -> heads.put(event.link().aggregateId(),
                new AuditDigest.Head(event.link().sequenceNumber(), event.hash())));
        return AuditDigest.unsigned(START.plusSeconds(3600), history.size(), heads);
    }

    private static HashChain.Link link(String aggregateId, long sequence, JsonNode payload) {
        return new HashChain.Link(aggregateId, sequence, "governance.dataproduct.updated.v1",
                UUID.nameUUIDFromBytes((aggregateId + sequence).getBytes()).toString(), START.plusSeconds(sequence),
                payload, "alice", List.of("sales"), List.of("MEMBER"), "c-" + sequence, "c-" + sequence,
                sequence == 0 ? null : ISSUER);
    }
}
