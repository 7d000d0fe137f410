package com.acme.governance.command.audit.digest.issuing;

import com.acme.governance.command.audit.digest.DigestIssuers;
import com.acme.governance.edge.service.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The system's own digests, one per {@code governance.audit.digest-interval}. Every tenth of the interval it looks at
 * the latest stored digest, whichever instance or request issued it, and issues one when that is a whole interval
 * old: several instances thus issue about one per interval between them, a restart does not postpone the next one,
 * and of two instances that look at the same moment the audit ledger records only the first (see
 * {@code AuditLedger}). Off without a signing key or with an interval of 0.
 */
public class DigestSchedule extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);
    private static final Duration SHORTEST_LOOK = Duration.ofMillis(100);

    private final AuditDigestIssuer issuer;
    private final DigestArchive archive;
    private final Clock clock;
    private final Duration interval;

    public DigestSchedule(AuditDigestIssuer issuer, DigestArchive archive, Clock clock, Duration interval) {
        super("audit-digest-schedule");
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
    protected Optional<Duration> delay() {
        if (isOff(interval) || !issuer.canSign()) {
            log.info("Periodic audit digests are off: {}", issuer.canSign()
                    ? "governance.audit.digest-interval is 0" : "no governance.audit.signing-key");
            return Optional.empty();
        }
        log.info("Periodic audit digests every {}", interval);
        return Optional.of(interval.dividedBy(10).compareTo(SHORTEST_LOOK) < 0 ? SHORTEST_LOOK
                : interval.dividedBy(10));
    }

    @Override
    protected void runOnce() {
        issueIfDue();
    }
}
