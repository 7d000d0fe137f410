package com.acme.governance.command.config;

import com.acme.governance.command.relay.StoredEvents;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both embedded event stores keep only {@link CommandProperties#cachedEvents()} of the latest events in memory. Each
 * cached event holds the tracking token before it, and with the store's 10 s look-back each token lists every event
 * of its last 10 s: with Axon's default of 10,000 cached events the two stores held 650 MB of the stack's 950 MB at
 * 10k events stored (heap dump analysis, docs/performance/FINDINGS.md).
 */
class EventStoreCacheTest {

    private static final int CACHED = 50;
    private static final int APPENDED = 600;

    private final CommandProperties properties = new CommandProperties("governance_events", 3, Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(10), CACHED);

    @Test
    void theApplicationsEventStoreCachesOnlyTheConfiguredNumberOfEvents() throws Exception {
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine()).buildConfiguration();
        EmbeddedEventStore store = new AxonConfig().eventStore(new InMemoryEventStorageEngine(), axon, properties);
        try {
            assertThat(cachedAfterFollowing(store, store)).isBetween(1, CACHED + 1);
        } finally {
            store.shutDown();
        }
    }

    @Test
    void theRelaysEventStoreCachesOnlyTheConfiguredNumberOfEvents() throws Exception {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        EmbeddedEventStore appends = EmbeddedEventStore.builder().storageEngine(engine).build();
        try (StoredEvents relays = new StoredEvents(engine, properties.cachedEvents())) {
            relays.follow(appends);
            assertThat(cachedAfterFollowing(appends, (EmbeddedEventStore) relays.store())).isBetween(1, CACHED + 1);
        } finally {
            appends.shutDown();
        }
    }

    /** Appends through one store, follows the head of the other to its end, and counts the events it keeps. */
    private static int cachedAfterFollowing(EventStore appendTo, EmbeddedEventStore followed) throws Exception {
        try (TrackingEventStream stream = followed.openStream(null)) {
            // nothing stored yet: the stream finds its private reads at their end and follows the store's head
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
            IntStream.range(0, APPENDED).forEach(i -> appendTo.publish(GenericEventMessage.asEventMessage("e" + i)));
            TrackedEventMessage<?> last = null;
            for (int read = 0; read < APPENDED; read++) {
                assertThat(nextAvailableWithin(stream, Duration.ofSeconds(10))).isTrue();
                last = stream.nextAvailable();
            }
            assertThat(last.getPayload()).isEqualTo("e" + (APPENDED - 1));
            return cachedNodes(followed);
        }
    }

    /**
     * Axon's {@code hasNextAvailable} may answer false before its timeout: woken by the producer, a consumer that
     * fell behind the (small) cache finds no next node and switches to a private stream on its next call.
     */
    private static boolean nextAvailableWithin(TrackingEventStream stream, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            if (stream.hasNextAvailable((int) Math.max(1, remaining / 1_000_000), TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** The length of the store's cache, from its oldest node on: Axon exposes no count. */
    private static int cachedNodes(EmbeddedEventStore store) throws ReflectiveOperationException {
        Field oldest = EmbeddedEventStore.class.getDeclaredField("oldest");
        oldest.setAccessible(true);
        Object node = oldest.get(store);
        int count = 0;
        while (node != null) {
            count++;
            Field next = node.getClass().getDeclaredField("next");
            next.setAccessible(true);
            node = next.get(node);
        }
        return count;
    }
}
