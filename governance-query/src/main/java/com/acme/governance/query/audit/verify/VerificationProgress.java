package com.acme.governance.query.audit.verify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** Logs how far a long verification got, at most once an interval: events done and the rate since it began. */
final class VerificationProgress {

    private static final Logger log = LoggerFactory.getLogger(VerificationProgress.class);

    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long lastLogged = started;

    VerificationProgress(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    void eventDone(long eventsChecked, String aggregateId) {
        long now = System.nanoTime();
        if (now - lastLogged >= intervalNanos) {
            lastLogged = now;
            log.info("Verifying the event store: {} events checked, {} events/s, now at aggregate {}", eventsChecked,
                    rate(eventsChecked, now), aggregateId);
        }
    }

    void finished(StoreVerificationReport report) {
        long now = System.nanoTime();
        log.info("Verified the event store: {} events of {} aggregates in {} ms ({} events/s), valid={}, "
                        + "first broken {}, {} copies compared, {} not yet copied", report.eventsChecked(),
                report.aggregatesChecked(), Duration.ofNanos(now - started).toMillis(),
                rate(report.eventsChecked(), now), report.valid(), report.firstBroken(), report.copiesChecked(),
                report.copiesBehind());
    }

    private long rate(long events, long now) {
        long elapsed = Math.max(1, now - started);
        return events * 1_000_000_000L / elapsed;
    }
}
