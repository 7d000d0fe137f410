package com.acme.governance.query.health;

import com.acme.governance.query.ingestion.ProjectionStallMonitor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code projections}: DOWN while a partition of the event topic is stalled, i.e. one of its records has failed to
 * apply for longer than the stall threshold (a gap that Kafka does not heal, a store that stays unwritable). Meant
 * for the readiness group: this instance's read side is falling behind for good and an operator must act. It
 * returns to UP by itself as soon as the record applies.
 */
public class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionStallMonitor stalls;

    public ProjectionsHealthIndicator(ProjectionStallMonitor stalls) {
        super("projection stall check failed");
        this.stalls = stalls;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<ProjectionStallMonitor.Failure> stalled = stalls.stalled();
        builder.withDetail("stallThreshold", stalls.threshold().toString());
        builder.withDetail("retrying", stalls.retrying().size());
        if (stalled.isEmpty()) {
            builder.up();
            return;
        }
        builder.down().withDetail("stalled", stalled.stream().map(ProjectionsHealthIndicator::describe).toList());
    }

    private static Map<String, Object> describe(ProjectionStallMonitor.Failure failure) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("partition", failure.partition().toString());
        details.put("offset", failure.offset());
        details.put("aggregateId", failure.aggregateId());
        details.put("eventId", failure.eventId());
        details.put("type", failure.type());
        details.put("reason", failure.reason());
        details.put("failingSince", failure.since().toString());
        details.put("attempts", failure.attempts());
        return details;
    }
}
