package com.acme.governance.query.rebuild;

import com.acme.governance.edge.service.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * A rebuild's progress as gauges, read from the stored state every 5 s on a thread of its own (a scrape never waits
 * for the store), so every instance reports the same: {@code governance.rebuild.active} (1 while one runs or swaps),
 * {@code governance.rebuild.events.done} and {@code governance.rebuild.events.remaining} of the latest rebuild (0
 * before the first; NaN while the store does not answer).
 */
@Component("queryRebuildMetrics")
public class RebuildMetrics extends PeriodicTask {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final ProjectionRebuilds rebuilds;
    private volatile double active = Double.NaN;
    private volatile double done = Double.NaN;
    private volatile double remaining = Double.NaN;

    public RebuildMetrics(ProjectionRebuilds rebuilds, MeterRegistry registry) {
        super("projection-rebuild-metrics");
        this.rebuilds = rebuilds;
        Gauge.builder("governance.rebuild.active", this, m -> m.active)
                .description("1 while a projection rebuild runs or swaps, else 0").register(registry);
        Gauge.builder("governance.rebuild.events.done", this, m -> m.done)
                .description("records the latest rebuild has applied").register(registry);
        Gauge.builder("governance.rebuild.events.remaining", this, m -> m.remaining)
                .description("records the latest rebuild still has to read").register(registry);
    }

    @Override
    protected Optional<Duration> delay() {
        return Optional.of(INTERVAL);
    }

    /** At once: the gauges are NaN until the first read. */
    @Override
    protected Duration initialDelay(Duration delay) {
        return Duration.ZERO;
    }

    @Override
    protected void runOnce() {
        try {
            Optional<RebuildState> latest = rebuilds.latest();
            active = latest.map(state -> state.status().active() ? 1 : 0).orElse(0);
            done = latest.map(RebuildState::eventsDone).orElse(0L);
            remaining = latest.map(RebuildState::remaining).orElse(0L);
        } catch (RuntimeException storeAway) {
            active = Double.NaN;
            done = Double.NaN;
            remaining = Double.NaN;
        }
    }
}
