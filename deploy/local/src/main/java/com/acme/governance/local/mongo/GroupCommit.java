package com.acme.governance.local.mongo;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable with as few flushes as possible. A writer whose change is in the store's memory asks to wait;
 * one waiter at a time becomes the leader and flushes everything written so far, which also covers every writer that
 * asked while an earlier flush ran. Under load one flush acknowledges many writes, so the throughput is not bounded
 * by the disk's flushes per second, while each writer still returns only after its own change is on disk.
 */
final class GroupCommit {

    /** Writes what is in memory to disk, completely, before it returns. */
    interface Flush {
        void run();
    }

    private final Flush flush;
    private final ReentrantLock leader = new ReentrantLock();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong flushes = new AtomicLong();
    private volatile long flushed;

    GroupCommit(Flush flush) {
        this.flush = flush;
    }

    /** Returns once everything this thread wrote before calling it is durable; throws if the flush failed. */
    void awaitDurable() {
        long ticket = requested.incrementAndGet();
        while (flushed < ticket) {
            leader.lock();
            try {
                if (flushed >= ticket) {
                    return;
                }
                // Every ticket up to here was taken after its write completed, so this flush covers them all.
                long upTo = requested.get();
                flush.run();
                flushes.incrementAndGet();
                flushed = upTo;
            } finally {
                leader.unlock();
            }
        }
    }

    /** Whether a writer is waiting for a flush, or one runs: what it wrote may be visible but not yet on disk. */
    boolean flushPending() {
        return requested.get() > flushed;
    }

    /** How many flushes ran; with {@link #acknowledged()}, the batching that load achieved. */
    long flushes() {
        return flushes.get();
    }

    long acknowledged() {
        return flushed;
    }
}
