package com.acme.governance.command.relay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * DOWN while the relay cannot get events onto Kafka (it retries the same batch, never skipping one), with the reason:
 * the events are safe in the store, but the rest of the mesh does not see them. Not part of readiness: commands are
 * still taken and stored meanwhile.
 */
public class RelayHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration eventProcessing;
    private final RelayProgress progress;

    public RelayHealthIndicator(EventProcessingConfiguration eventProcessing, RelayProgress progress) {
        this.eventProcessing = eventProcessing;
        this.progress = progress;
    }

    @Override
    public Health health() {
        Collection<EventTrackerStatus> status = eventProcessing
                .eventProcessor(KafkaRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().values())
                .map(values -> (Collection<EventTrackerStatus>) List.copyOf(values))
                .orElse(List.of());
        Health.Builder health = status.isEmpty() ? Health.up().withDetail("relaying", "on another instance")
                : Health.up().withDetail("relaying", "here");
        Optional<EventTrackerStatus> failing = status.stream().filter(EventTrackerStatus::isErrorState).findFirst();
        if (progress.topicProblem() != null) {
            health = Health.down().withDetail("relaying", "blocked: the topic would refuse events")
                    .withDetail("reason", progress.topicProblem());
        } else if (failing.isPresent()) {
            health = Health.down().withDetail("relaying", "stalled: retrying the same batch, no event is skipped")
                    .withDetail("reason", reason(failing.get().getError()));
        } else if (!status.isEmpty()) {
            health.withDetail("caughtUp", status.stream().allMatch(EventTrackerStatus::isCaughtUp));
        }
        if (progress.lastAcknowledged() != null) {
            health.withDetail("lastAcknowledged", progress.lastAcknowledged().toString());
        }
        return health.build();
    }

    private static String reason(Throwable error) {
        if (error == null) {
            return "unknown";
        }
        StringBuilder reason = new StringBuilder(error.toString());
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            reason.append(" <- ").append(cause);
        }
        return reason.toString();
    }
}
