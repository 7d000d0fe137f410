package com.acme.governance.command.access.provisioning;

import com.acme.governance.edge.service.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Reconciles once per {@code governance.command.kafka-acls.reconcile-interval}, on whichever instance claims it
 * first (the claim lasts a little less than the interval, so an instance that dies leaves the next one to another).
 * A failed run leaves the report and the metric as the last complete run found them. Off with an interval of 0.
 */
public class ReconcileSchedule extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(ReconcileSchedule.class);

    private final AclReconciler reconciler;
    private final DriftReports reports;
    private final Clock clock;
    private final Duration interval;

    public ReconcileSchedule(AclReconciler reconciler, DriftReports reports, Clock clock, Duration interval) {
        super("acl-reconciliation");
        this.reconciler = reconciler;
        this.reports = reports;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    protected Optional<Duration> delay() {
        if (isOff(interval)) {
            log.info("Periodic ACL reconciliation is off (governance.command.kafka-acls.reconcile-interval is 0)");
            return Optional.empty();
        }
        return Optional.of(interval);
    }

    @Override
    protected void runOnce() throws Exception {
        if (reports.claim(clock.instant(), interval.multipliedBy(9).dividedBy(10))) {
            reports.save(reconciler.reconcile());
        }
    }
}
