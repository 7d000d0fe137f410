package com.acme.governance.query.health;

import com.acme.governance.query.parking.ParkedEventView;
import com.acme.governance.query.parking.ParkedEventsQuery;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.List;

/**
 * {@code parkedEvents}: OUT_OF_SERVICE while records are parked, naming how many, the aggregates they hold and the
 * first of them. Parking is a degraded state, not an outage: every other aggregate is applied and served as usual,
 * and taking instances out of rotation would help nobody (they all share the parked records), so this contributor
 * is deliberately not in the readiness group. It makes the overall {@code /actuator/health} answer 503 so that
 * whoever watches it is told an operator is needed, and {@code governance.projection.parked} is the metric to
 * alert on. It is UP again once the parked records were retried (or, for junk, discarded).
 */
public class ParkedEventsHealthIndicator extends AbstractHealthIndicator {

    private static final int SHOWN_AGGREGATES = 20;

    private final ParkedEventsQuery parked;

    public ParkedEventsHealthIndicator(ParkedEventsQuery parked) {
        super("parked events check failed");
        this.parked = parked;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long count = parked.total();
        builder.withDetail("parked", count);
        if (count == 0) {
            builder.up();
            return;
        }
        List<ParkedEventView> first = parked.page(0, 1);
        builder.outOfService()
                .withDetail("aggregates", parked.heldAggregates(SHOWN_AGGREGATES))
                .withDetail("first", first.isEmpty() ? "" : first.get(0).summary())
                .withDetail("operator", "GET /api/v1/admin/parked-events, POST /api/v1/admin/parked-events/retry");
    }
}
