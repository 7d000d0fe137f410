package com.acme.governance.command.web;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Turns an update's {@code If-Match} into the version its command expects (ADR 0010). The comparison with the
 * current version is the aggregate's own (it alone knows its version when the command runs); this only refuses the
 * forms that can never be a decision on one version, naming the current ETag in the refusal.
 */
@Component
public class Preconditions {

    private final EventStore eventStore;

    public Preconditions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @param aggregateType the aggregate's type as the event store records it (its class' simple name)
     * @return the version the client read, to be checked by the aggregate
     */
    public long expectedVersion(String aggregateType, String aggregateId, String ifMatchHeader) {
        return expectedVersion(aggregateType, aggregateId, ifMatchHeader, () -> {
        });
    }

    /**
     * As {@link #expectedVersion(String, String, String)}, deciding first whether the caller may change the
     * aggregate at all: one who may not is refused (403) whatever the If-Match says, missing or stale, before any
     * version is looked at.
     *
     * @param mayChange throws {@code NotPermittedException} when the caller may not
     */
    public long expectedVersion(String aggregateType, String aggregateId, String ifMatchHeader, Runnable mayChange) {
        mayChange.run();
        IfMatch ifMatch = IfMatch.parse(ifMatchHeader);
        if (ifMatch instanceof IfMatch.Tag tag && tag.strongVersion() != null) {
            return tag.strongVersion();
        }
        // Every other form is refused: with what is current named, which a missing resource does not have (404).
        long current = currentVersion(aggregateType, aggregateId);
        if (ifMatch instanceof IfMatch.Tag tag) {
            throw new PreconditionFailedException(aggregateId, tag, current);
        }
        throw new PreconditionRequiredException(aggregateId, ifMatch, current);
    }

    /** The aggregate's version (its event count), read from its last event; only for answers that change nothing. */
    private long currentVersion(String aggregateType, String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId)
                .flatMap(last -> eventStore.readEvents(aggregateId, last).asStream().reduce((first, second) -> second))
                .filter(event -> aggregateType.equals(event.getType()))
                .map(DomainEventMessage::getSequenceNumber)
                .map(sequence -> sequence + 1)
                .orElseThrow(() -> new AggregateNotFoundException(aggregateId, "no " + aggregateType + " " + aggregateId));
    }
}
