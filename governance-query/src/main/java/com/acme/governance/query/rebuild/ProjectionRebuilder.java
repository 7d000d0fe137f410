package com.acme.governance.query.rebuild;

import com.acme.governance.query.config.RebuildProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts rebuilds, runs at most one at a time on a thread of its own, and resumes interrupted ones. A watch thread
 * keeps the heartbeat of the rebuild this instance runs; on every other instance it looks, every third of the lease,
 * for an active rebuild whose owner has been silent for longer than the lease (it crashed, or was stopped), takes it
 * over with a conditional write, and resumes it from its last checkpoint into the same
 * target generation. A restarted service therefore finishes what it was doing before, once the lease lapsed.
 */
public class ProjectionRebuilder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    private final RebuildRun.Services services;
    private final ProjectionRebuilds rebuilds;
    private final ConsumerFactory<String, byte[]> consumers;
    private final RebuildProperties properties;
    private final Clock clock;
    /** This process: a crashed owner's successor is another one, even on the same host. */
    private final String instance = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean stopping;
    /** The rebuild this instance runs now, if any: the watch keeps its heartbeat going. */
    private volatile String owned;
    private ExecutorService worker;
    private ScheduledExecutorService watch;

    public ProjectionRebuilder(RebuildRun.Services services, ConsumerFactory<String, byte[]> consumers,
                               RebuildProperties properties) {
        this.services = services;
        this.rebuilds = services.rebuilds();
        this.consumers = consumers;
        this.properties = properties;
        this.clock = services.clock();
    }

    /**
     * Requests a rebuild: a new one, or the takeover of an interrupted one.
     *
     * @throws RebuildInProgressException while another rebuild is active and its owner alive
     * @throws RebuildUnavailableException while this instance is not running (it starts or stops)
     */
    public synchronized RebuildState request(String principal) {
        if (!running.get() || stopping) {
            throw new RebuildUnavailableException();
        }
        Optional<RebuildState> latest = rebuilds.latest();
        Instant now = clock.instant();
        if (latest.isPresent() && latest.get().status().active()) {
            if (!latest.get().interrupted(now, properties.lease()) || busy.get()) {
                throw new RebuildInProgressException(latest.get().id());
            }
            return resume(latest.get()).orElseThrow(() -> new RebuildInProgressException(latest.get().id()));
        }
        long source = services.generations().liveNow();
        RebuildState fresh = new RebuildState(UUID.randomUUID().toString(), RebuildStatus.RUNNING, source, source + 1,
                principal, now, null, instance, now, 0, 0, 0, List.of(), List.of(), null);
        if (!busy.compareAndSet(false, true)) {
            throw new RebuildInProgressException(latest.map(RebuildState::id).orElse("?"));
        }
        try {
            rebuilds.begin(fresh, latest);
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
        log.info("Rebuild {} requested by {}: every read model from offset 0 into generation {}, generation {} serving "
                + "meanwhile", fresh.id(), principal, fresh.targetGeneration(), source);
        worker.submit(() -> runOwned(fresh, true));
        return fresh;
    }

    private synchronized Optional<RebuildState> resume(RebuildState silent) {
        if (!busy.compareAndSet(false, true)) {
            return Optional.empty();
        }
        RebuildState mine = silent.ownedBy(instance, clock.instant());
        if (!rebuilds.takeOver(silent, mine)) {
            busy.set(false);
            return Optional.empty();
        }
        log.warn("Rebuild {} ({}, into generation {}) was interrupted: its owner has been silent since {}; this "
                        + "instance resumes it from its last checkpoint, at {} events", silent.id(), silent.status(),
                silent.targetGeneration(), silent.heartbeatAt(), silent.eventsDone());
        worker.submit(() -> runOwned(mine, false));
        return Optional.of(mine);
    }

    private void watch() {
        String mine = owned;
        if (mine != null) {
            try {
                rebuilds.heartbeat(mine, instance, clock.instant());
            } catch (RuntimeException e) {
                log.debug("Cannot store the heartbeat of rebuild {} now: {}", mine, e.getMessage());
            }
            return;
        }
        try {
            rebuilds.latest().filter(latest -> latest.interrupted(clock.instant(), properties.lease()))
                    .ifPresent(this::resume);
        } catch (RuntimeException e) {
            log.debug("Cannot look for an interrupted rebuild now: {}", e.getMessage());
        }
    }

    private void runOwned(RebuildState state, boolean fresh) {
        owned = state.id();
        try (Consumer<String, byte[]> consumer = consumers.createConsumer()) {
            new RebuildRun(services, state, consumer, () -> stopping).run(fresh);
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("Rebuild {} stopped with the service; it is resumed once its lease lapses", state.id());
            } else {
                fail(state, e);
            }
        } finally {
            owned = null;
            busy.set(false);
        }
    }

    private void fail(RebuildState state, RuntimeException e) {
        Optional<RebuildState> stored = rebuilds.latest().filter(latest -> latest.id().equals(state.id())
                && instance.equals(latest.owner()));
        if (stored.isEmpty()) {
            log.warn("Rebuild {} stopped here: {}", state.id(), e.getMessage());
            return;
        }
        if (stored.get().status() == RebuildStatus.SWAPPING && swapCanFinish(state)) {
            // The new generation is live, or may become so: never FAILED, another stint finishes the swap after the lease.
            log.error("Rebuild {} failed while it swapped; it is resumed once its lease lapses", state.id(), e);
            return;
        }
        rebuilds.save(stored.get().withStatus(RebuildStatus.FAILED, clock.instant(), e.getMessage()));
        log.error("Rebuild {} failed; generation {} stays live, untouched: {}", state.id(), state.sourceGeneration(),
                e.getMessage(), e);
    }

    /**
     * Whether a later stint can finish the swap: unless the database says that a third generation is live (someone
     * else swapped, so this swap can never happen and its target never served), it must be left to one.
     */
    private boolean swapCanFinish(RebuildState state) {
        try {
            long live = services.generations().liveNow();
            return live == state.targetGeneration() || live == state.sourceGeneration();
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    public boolean isBusy() {
        return busy.get();
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            stopping = false;
            worker = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "projection-rebuild"));
            watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "projection-rebuild-watch");
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(100, properties.lease().toMillis() / 3);
            watch.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            stopping = true;
            watch.shutdownNow();
            // Interrupting a write is harmless: its checkpoint comes later, so a resumed run applies it again.
            worker.shutdownNow();
            try {
                if (!worker.awaitTermination(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
                    worker.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.shutdownNow();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
