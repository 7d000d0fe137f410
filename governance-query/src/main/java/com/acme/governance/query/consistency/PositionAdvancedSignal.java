package com.acme.governance.query.consistency;

import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * In-process monitor that wakes readers waiting for the projections whenever a position advances. Readers note
 * the generation before they look at the positions and wait only while it is unchanged, so a signal that fires
 * between their look and their wait is not lost.
 */
@Component("queryPositionAdvancedSignal")
public class PositionAdvancedSignal {

    private final Object monitor = new Object();
    private long generation;

    public long generation() {
        synchronized (monitor) {
            return generation;
        }
    }

    public void signal() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    /** Waits until the generation moves past {@code seen} or {@code max} elapses, whichever comes first. */
    public void awaitAfter(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (monitor) {
            long remaining = max.toNanos();
            while (generation == seen && remaining > 0) {
                monitor.wait(Math.max(1, remaining / 1_000_000));
                remaining = deadline - System.nanoTime();
            }
        }
    }
}
