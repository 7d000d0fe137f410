package com.acme.governance.command.audit.digest.issuing;

import com.acme.governance.command.audit.digest.DigestIssuers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The system's own digests, one per {@code governance.audit.digest-interval}. Every tenth of the interval it looks at
 * the latest stored digest, whichever instance or request issued it, and issues one when that is a whole interval
 * old: several instances thus issue about one per interval between them, a restart does not postpone the next one,
 * and of two instances that look at the same moment the audit ledger records only the first (see
 * {@code AuditLedger}). Off without a signing key or with an interval of 0.
 */
public class DigestSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);
    private static final Duration SHORTEST_LOOK = Duration.ofMillis(100);

    private final AuditDigestIssuer issuer;
    private final DigestArchive archive;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public DigestSchedule(AuditDigestIssuer issuer, DigestArchive archive, Clock clock, Duration interval) {
        this.issuer = issuer;
        this.archive = archive;
        this.clock = clock;
        this.interval = interval;
    }

    static boolean isDue(Optional<Instant> latestIssuedAt, Instant now, Duration interval) {
        return latestIssuedAt.map(latest -> !latest.plus(interval).isAfter(now)).orElse(true);
    }

    /** Issues a digest if one is due; whether it did. */
    public boolean issueIfDue() {
        if (!isDue(archive.latestIssuedAt(), clock.instant(), interval)) {
            return false;
        }
        IssuedDigest digest = issuer.issue(DigestIssuers.SYSTEM);
        log.info("Issued audit digest {} (audit ledger sequence {})", digest.digestId(), digest.ledgerSequence());
        return true;
    }

    @Override
    public synchronized void start() {
        if (interval == null || interval.isZero() || interval.isNegative() || !issuer.canSign()) {
            log.info("Periodic audit digests are off: {}", issuer.canSign()
                    ? "governance.audit.digest-interval is 0" : "no governance.audit.signing-key");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-digest-schedule");
            thread.setDaemon(true);
            return thread;
        });
        long look = Math.max(interval.dividedBy(10).toMillis(), SHORTEST_LOOK.toMillis());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                issueIfDue();
            } catch (RuntimeException e) {
                log.warn("Periodic audit digest failed; it is tried again in {} ms: {}", look, e.toString());
            }
        }, look, look, TimeUnit.MILLISECONDS);
        log.info("Periodic audit digests every {}", interval);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
