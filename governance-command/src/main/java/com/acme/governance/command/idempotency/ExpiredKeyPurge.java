package com.acme.governance.command.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Deletes expired keys now and then; reads ignore them anyway, so this only keeps the collection small. */
class ExpiredKeyPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredKeyPurge.class);

    private final IdempotencyStore store;
    private final Duration interval;
    private ScheduledExecutorService executor;

    ExpiredKeyPurge(IdempotencyStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        store.ensureTtlIndex();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-key-purge");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::purge, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void purge() {
        try {
            long deleted = store.purgeExpired();
            if (deleted > 0) {
                log.debug("Deleted {} expired idempotency keys", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete expired idempotency keys; next attempt in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
