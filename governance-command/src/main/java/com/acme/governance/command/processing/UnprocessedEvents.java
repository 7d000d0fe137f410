package com.acme.governance.command.processing;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether the event store holds an event that a processor's token has not seen yet, and how old the oldest such
 * event is. This is what "caught up" has to mean for an operator: Axon's own {@code EventTrackerStatus.isCaughtUp()}
 * turns true once a segment first reached the head of the stream and never turns false again, so a processor that
 * caught up with an empty store at start-up and then fell hours behind still says it is caught up.
 *
 * <p>One non-blocking read from the token, as the processor's own next fetch would make: where the processor is
 * caught up it finds nothing (the store's look-back window holds only events the token knows); where it is behind
 * it reads one batch of what the processor has still to handle.
 */
public class UnprocessedEvents {

    private final EventStorageEngine store;

    public UnprocessedEvents(EventStorageEngine store) {
        this.store = store;
    }

    /**
     * The store time of the oldest event beyond {@code token} (null: from the start of the store), or empty when the
     * token has seen every stored event. A replay's token is looked at by the position it has reached.
     */
    public Optional<Instant> oldestBeyond(TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> beyond = store.readEvents(WrappedToken.unwrapLowerBound(token),
                false)) {
            return beyond.findFirst().map(TrackedEventMessage::getTimestamp);
        }
    }
}
