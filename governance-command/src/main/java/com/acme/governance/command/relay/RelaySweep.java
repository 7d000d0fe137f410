package com.acme.governance.command.relay;

import com.acme.governance.edge.service.PeriodicTask;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Bounds the relay's lag for an aggregate's last event: tracking follows the store by timestamp with a look-back,
 * so an event that became visible later than that (a slow commit) is missed, and only the aggregate's next event
 * would bring it. Every interval, on the instance whose relay holds the claim and has caught up, it compares the
 * aggregates stored in the recent window with what was relayed and sends the difference (ADR 0013); the whole
 * window is read only once every {@code sweep-full-interval}, the recent part of it at the other sweeps.
 */
public class RelaySweep extends PeriodicTask {

    private final KafkaRelay relay;
    private final StoredHeads storedHeads;
    private final EventProcessingConfiguration eventProcessing;
    private final GovernanceTopicProperties properties;
    private Instant lastFullSweep;

    public RelaySweep(KafkaRelay relay, StoredHeads storedHeads, EventProcessingConfiguration eventProcessing,
                      GovernanceTopicProperties properties) {
        super("kafka-relay-sweep");
        this.relay = relay;
        this.storedHeads = storedHeads;
        this.eventProcessing = eventProcessing;
        this.properties = properties;
    }

    /** One sweep, if this instance's relay is the one running and is not busy catching up; the events sent. */
    public int sweepOnce() throws Exception {
        Collection<EventTrackerStatus> status = eventProcessing
                .eventProcessor(KafkaRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().values())
                .orElse(java.util.List.of());
        if (status.isEmpty() || status.stream().anyMatch(s -> s.isErrorState() || !s.isCaughtUp())) {
            return 0; // another instance relays, or this one is behind or failing: tracking will get there itself
        }
        relay.checkTopic(); // also when there is nothing to send: a topic that would refuse events shows at once
        // Axon's clock, which stamps the events, not the application's (a local drill may run that one ahead)
        Instant now = GenericEventMessage.clock.instant();
        Map<String, Long> heads = storedHeads.between(now.minus(windowAt(now)), now.minus(properties.sweepMinimumAge()));
        return relay.sweep(heads);
    }

    /** How far back the sweep at this instant reads: the whole window when a full sweep is due, else the recent part. */
    synchronized Duration windowAt(Instant now) {
        if (lastFullSweep == null || !now.isBefore(lastFullSweep.plus(properties.sweepFullInterval()))) {
            lastFullSweep = now;
            return properties.sweepWindow();
        }
        return properties.sweepRecentWindow();
    }

    @Override
    protected Optional<Duration> delay() {
        return Optional.of(properties.sweepInterval());
    }

    @Override
    protected void runOnce() throws Exception {
        sweepOnce();
    }
}
