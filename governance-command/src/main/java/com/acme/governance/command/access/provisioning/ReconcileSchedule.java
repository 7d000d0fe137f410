package com.acme.governance.command.access.provisioning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reconciles once per {@code governance.command.kafka-acls.reconcile-interval}, on whichever instance claims it
 * first (the claim lasts a little less than the interval, so an instance that dies leaves the next one to another).
 * Off with an interval of 0.
 */
public class ReconcileSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReconcileSchedule.class);

    private final AclReconciler reconciler;
    private final DriftReports reports;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public ReconcileSchedule(AclReconciler reconciler, DriftReports reports, Clock clock, Duration interval) {
        this.reconciler = reconciler;
        this.reports = reports;
        this.clock = clock;
        this.interval = interval;
    }

    void runIfClaimed() {
        try {
            if (reports.claim(clock.instant(), interval.multipliedBy(9).dividedBy(10))) {
                reports.save(reconciler.reconcile());
            }
        } catch (Exception e) {
            // the next run tries again; the report and the metric keep what the last complete run found
            log.warn("ACL reconciliation failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            log.info("Periodic ACL reconciliation is off (governance.command.kafka-acls.reconcile-interval is 0)");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "acl-reconciliation");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runIfClaimed, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
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
