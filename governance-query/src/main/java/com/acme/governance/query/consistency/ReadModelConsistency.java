package com.acme.governance.query.consistency;

import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.query.config.QueryProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Waits, bounded, until the read models applied the event a consistency token names. Wakes on the in-process
 * signal when this instance advances a position, and re-reads MongoDB at least every {@code pollInterval}
 * because the aggregate's partition may be owned by another instance.
 */
@Component("queryReadModelConsistency")
public class ReadModelConsistency {

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    private final ProjectionPositions positions;
    private final PositionAdvancedSignal signal;
    private final Duration timeout;
    private final Duration pollInterval;

    @Autowired
    public ReadModelConsistency(ProjectionPositions positions, PositionAdvancedSignal signal, QueryProperties properties) {
        this(positions, signal, properties.consistencyTimeout(), DEFAULT_POLL_INTERVAL);
    }

    public ReadModelConsistency(ProjectionPositions positions, PositionAdvancedSignal signal, Duration timeout,
                                Duration pollInterval) {
        this.positions = positions;
        this.signal = signal;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    /** @return true once the read models reached the token, false when the timeout elapsed first */
    public boolean awaitReached(GovernanceToken token) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = signal.generation();
            if (positions.current(token.aggregateId()) >= token.sequence()) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            signal.awaitAfter(seen, Duration.ofNanos(Math.min(remaining, pollInterval.toNanos())));
        }
    }
}
