package com.acme.governance.edge.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test moves forward: "thirty days later" without waiting thirty days. {@link #ticking()} is real time
 * plus an offset (for a running application, whose timeouts still pass); {@link #stoppedAt(Instant)} stands still
 * until moved (for exact deadlines).
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    private MovableClock(Clock base) {
        this.base = base;
    }

    public static MovableClock ticking() {
        return new MovableClock(Clock.systemUTC());
    }

    public static MovableClock stoppedAt(Instant start) {
        return new MovableClock(Clock.fixed(start, ZoneOffset.UTC));
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }
}
