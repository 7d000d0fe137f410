package com.acme.governance.query.support;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.audit.EventCatalog;
import com.acme.governance.api.audit.HashChain;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One aggregate's event stream as the relay would deliver it: consecutive sequences, hash-chained, one second apart
 * from {@code start}, with ids derived from the aggregate id so that a stream built twice is the same stream.
 */
public final class EventChain {

    /** Who vouches for every principal of the chain: the local stack's users. */
    public static final String ISSUER = Actor.LOCAL_ISSUER;

    private final String aggregateId;
    private final String aggregateType;
    private final Instant start;
    private final List<IncomingEvent> events = new ArrayList<>();

    public EventChain(String aggregateId, String aggregateType, Instant start) {
        this.aggregateId = aggregateId;
        this.aggregateType = aggregateType;
        this.start = start;
    }

    /** When the next event happens. */
    public Instant nextTime() {
        return start.plusSeconds(events.size());
    }

    public void append(Object payload, String principal, List<String> teams, List<String> roles) {
        append(EventCatalog.typeOf(payload.getClass()), TestJson.MAPPER.valueToTree(payload), principal, teams, roles);
    }

    public void append(String type, JsonNode payload, String principal, List<String> teams, List<String> roles) {
        long sequence = events.size();
        String eventId = UUID.nameUUIDFromBytes((aggregateId + ":" + sequence).getBytes()).toString();
        Instant time = nextTime();
        String correlationId = UUID.nameUUIDFromBytes(("correlation:" + aggregateId + sequence).getBytes()).toString();
        String causationId = UUID.nameUUIDFromBytes(("command:" + aggregateId + sequence).getBytes()).toString();
        String previousHash = events.isEmpty() ? "" : last().hash();
        String hash = HashChain.hash(previousHash, new HashChain.Link(aggregateId, sequence, type, eventId, time,
                payload, principal, teams, roles, correlationId, causationId, ISSUER));
        events.add(new IncomingEvent(eventId, type, aggregateId, aggregateType, sequence, time, principal, ISSUER,
                teams, roles, correlationId, causationId, hash, previousHash, payload));
    }

    public List<IncomingEvent> events() {
        return List.copyOf(events);
    }

    public IncomingEvent last() {
        return events.get(events.size() - 1);
    }
}
