package com.acme.governance.query.asof;

import com.acme.governance.query.audit.AuditEventRepository;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.web.ResourceNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An aggregate as it stood at an instant, rebuilt from its events up to then in the event log ({@code audit_events},
 * which keeps every event as it was published), never from today's read model (adr/0028).
 */
@Component("queryAggregateAsOf")
public class AggregateAsOf {

    /** What one event makes of an aggregate; {@code payload} is null for a type this version does not know. */
    @FunctionalInterface
    public interface Fold<V> {
        V apply(V before, IncomingEvent event, Object payload);
    }

    private final AuditEventRepository events;
    private final EventPayloads payloads;
    private final Clock clock;

    public AggregateAsOf(AuditEventRepository events, EventPayloads payloads, ObjectProvider<Clock> clock) {
        this.events = events;
        this.payloads = payloads;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Now, by the services' clock: {@code asOf} may not be later. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * The resource a read asks for: as it stood at the request's {@code asOf} (see {@link AsOfParameter}), else
     * today's read model.
     *
     * @param kind names the resource in the 404 problem
     * @throws ResourceNotFoundException when it did not exist then, or does not exist today
     */
    public <V> V todayOrAsOf(MultiValueMap<String, String> parameters, String kind, String aggregateType,
                             String aggregateId, Fold<V> fold, Supplier<Optional<V>> today) {
        return AsOfParameter.parse(parameters, now())
                .map(at -> at(aggregateType, aggregateId, at, fold)
                        .orElseThrow(() -> new ResourceNotFoundException(kind, aggregateId, at)))
                .orElseGet(() -> today.get().orElseThrow(() -> new ResourceNotFoundException(kind, aggregateId)));
    }

    /** @return empty when the aggregate had no event yet at {@code at} */
    public <V> Optional<V> at(String aggregateType, String aggregateId, Instant at, Fold<V> fold) {
        V state = null;
        for (IncomingEvent event : events.eventsUntil(aggregateType, aggregateId, at)) {
            Object payload = event.eventClass().map(eventClass -> payloads.read(event, eventClass)).orElse(null);
            state = fold.apply(state, event, payload);
        }
        return Optional.ofNullable(state);
    }
}
