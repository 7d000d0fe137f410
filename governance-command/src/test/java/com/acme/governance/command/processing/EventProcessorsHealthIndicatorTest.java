package com.acme.governance.command.processing;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real tracking processors over an in-memory store: caught up, behind, in error, stopped. */
class EventProcessorsHealthIndicatorTest {

    private static final String NAME = "access-provisioning";

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final GatedHandler handler = new GatedHandler();
    private final TrackingEventProcessor processor = TrackingEventProcessor.builder()
            .name(NAME)
            .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler)
                    .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
            .messageSource(store)
            .tokenStore(new InMemoryTokenStore())
            .transactionManager(NoTransactionManager.INSTANCE)
            .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                    .andTokenClaimInterval(100, TimeUnit.MILLISECONDS)
                    .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS))
            .build();
    private final EventProcessorsHealthIndicator indicator = new EventProcessorsHealthIndicator(
            () -> Map.<String, EventProcessor>of(NAME, processor), new UnprocessedEvents(storage));

    @BeforeEach
    void start() {
        processor.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().get(0).isCaughtUp());
    }

    @AfterEach
    void stop() {
        handler.open();
        processor.shutDown();
        store.shutDown();
    }

    @Test
    void anIdleProcessorThatHandledEverythingIsUpAndCaughtUp() {
        publish("granted-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> caughtUp(indicator.health()));

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(details(health)).containsEntry("running", true).containsEntry("pausedOnError", false)
                .containsEntry("caughtUp", true);
        assertThat(segment(health)).containsEntry("segment", 0).containsEntry("position", 0L)
                .doesNotContainKey("oldestUnprocessedEvent");
    }

    @Test
    void aProcessorWorkingThroughABacklogIsUpButNotCaughtUpThoughAxonSaysItIs() {
        handler.close();
        publish("granted-1", "granted-2", "granted-3");
        await().atMost(Duration.ofSeconds(10)).until(handler::waiting);

        Health health = indicator.health();
        assertThat(health.getStatus()).as("catching up is not a failure").isEqualTo(Status.UP);
        assertThat(details(health)).containsEntry("running", true).containsEntry("caughtUp", false);
        assertThat(segment(health)).containsEntry("caughtUp", false).containsKey("oldestUnprocessedEvent");
        assertThat(processor.processingStatus().get(0).isCaughtUp())
                .as("Axon's flag stays true once the segment reached the head, which is why it is not used")
                .isTrue();

        handler.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> caughtUp(indicator.health()));
    }

    @Test
    void aProcessorRetryingAFailingEventIsDownWithTheReason() {
        handler.failWith("the ACL admin refused");
        publish("granted-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> processor.processingStatus().values().stream()
                .anyMatch(EventTrackerStatus::isErrorState));

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(details(health)).containsEntry("running", true).containsEntry("caughtUp", false);
        assertThat((String) segment(health).get("error")).contains("the ACL admin refused");
    }

    @Test
    void aStoppedProcessorIsDown() {
        processor.shutDown();

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(details(health)).containsEntry("running", false);
    }

    private void publish(String... payloads) {
        store.publish(List.of(payloads).stream().map(GenericEventMessage::asEventMessage).toList());
    }

    private static boolean caughtUp(Health health) {
        return Boolean.TRUE.equals(details(health).get("caughtUp"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Health health) {
        return (Map<String, Object>) health.getDetails().get(NAME);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> segment(Health health) {
        return ((List<Map<String, Object>>) details(health).get("segments")).get(0);
    }

    /** Handles a string event once let through, or fails on it. */
    static final class GatedHandler {

        private final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
        private volatile String failure;

        @EventHandler
        void on(String event) throws InterruptedException {
            if (failure != null) {
                throw new IllegalStateException(failure + " on " + event);
            }
            gate.acquire();
        }

        void close() {
            gate.drainPermits();
        }

        void open() {
            failure = null;
            gate.release(Integer.MAX_VALUE - gate.availablePermits());
        }

        boolean waiting() {
            return gate.hasQueuedThreads();
        }

        void failWith(String reason) {
            failure = reason;
        }
    }
}
