package com.acme.governance.command.relay;

import com.acme.governance.command.config.AxonConfig;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.SubscribableMessageSource;

import java.util.List;

/**
 * The event store exactly as it was sealed, for the relay alone: read without upcasters, so every event keeps the
 * payload bytes and the revision it was stored with, which its hash covers, and is published so (adr/0027). The
 * application's event store upcasts for aggregates and the other processors.
 *
 * <p>Not a bean of type {@code EventBus}, which would stop Axon from configuring the application's event store. It
 * follows that store's appends, so the relay does not wait for its next poll; appends of other instances it finds by
 * polling, as the application's store does.
 */
public final class StoredEvents implements AutoCloseable {

    private final Store store;

    /** @param cachedEvents how many of the latest events the store keeps in memory for the relay */
    public StoredEvents(EventStorageEngine readAsStored, int cachedEvents) {
        this.store = new Store(AxonConfig.eventStoreCaching(cachedEvents).storageEngine(readAsStored));
    }

    /** The store the relay tracks and repairs from. */
    public EventStore store() {
        return store;
    }

    /** Looks for new events whenever {@code appends} stored some. */
    public void follow(SubscribableMessageSource<EventMessage<?>> appends) {
        appends.subscribe(events -> store.appendedElsewhere());
    }

    @Override
    public void close() {
        store.shutDown();
    }

    private static final class Store extends EmbeddedEventStore {

        private Store(Builder builder) {
            super(builder);
        }

        /** What this store does after its own appends: wakes the reader that waits for new events. */
        void appendedElsewhere() {
            afterCommit(List.of());
        }
    }
}
