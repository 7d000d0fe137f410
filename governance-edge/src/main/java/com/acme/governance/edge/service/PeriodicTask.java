package com.acme.governance.edge.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work a service does by itself at a fixed delay, on a daemon thread of its own, started and stopped with the
 * application. A run that fails is logged and the next run tries again: these tasks repair, complete or measure, so
 * the next run finds what the failed one left.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private ScheduledExecutorService scheduler;

    protected PeriodicTask(String threadName) {
        this.threadName = threadName;
    }

    /** The delay between runs, or empty when the task is off (say why in the log). */
    protected abstract Optional<Duration> delay();

    /** How long after the start the first run comes; the delay itself unless a task says otherwise. */
    protected Duration initialDelay(Duration delay) {
        return delay;
    }

    /** One run. */
    protected abstract void runOnce() throws Exception;

    @Override
    public synchronized void start() {
        Optional<Duration> delay = delay();
        if (delay.isEmpty() || scheduler != null) {
            return;
        }
        long millis = delay.get().toMillis();
        long first = initialDelay(delay.get()).toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (Exception e) {
                log.warn("{} failed; it runs again in {} ms: {}", threadName, millis, e.toString());
            }
        }, first, millis, TimeUnit.MILLISECONDS);
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

    protected static boolean isOff(Duration interval) {
        return interval == null || interval.isZero() || interval.isNegative();
    }
}
