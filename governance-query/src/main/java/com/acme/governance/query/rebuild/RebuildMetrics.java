package com.acme.governance.query.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A rebuild's progress as gauges, read from the stored state each scrape, so every instance reports the same:
 * {@code governance.rebuild.active} (1 while one runs or swaps), {@code governance.rebuild.events.done} and
 * {@code governance.rebuild.events.remaining} of the latest rebuild (0 before the first).
 */
@Component("queryRebuildMetrics")
public class RebuildMetrics {

    public RebuildMetrics(ProjectionRebuilds rebuilds, MeterRegistry registry) {
        Gauge.builder("governance.rebuild.active", rebuilds, r -> latest(r).map(s -> s.status().active() ? 1 : 0)
                        .orElse(0))
                .description("1 while a projection rebuild runs or swaps, else 0").register(registry);
        Gauge.builder("governance.rebuild.events.done", rebuilds, r -> latest(r).map(RebuildState::eventsDone)
                        .orElse(0L))
                .description("records the latest rebuild has applied").register(registry);
        Gauge.builder("governance.rebuild.events.remaining", rebuilds, r -> latest(r).map(RebuildState::remaining)
                        .orElse(0L))
                .description("records the latest rebuild still has to read").register(registry);
    }

    /** Nothing known rather than a failed scrape while the store is away. */
    private static Optional<RebuildState> latest(ProjectionRebuilds rebuilds) {
        try {
            return rebuilds.latest();
        } catch (RuntimeException storeAway) {
            return Optional.empty();
        }
    }
}
