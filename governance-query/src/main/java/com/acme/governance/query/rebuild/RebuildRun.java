package com.acme.governance.query.rebuild;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelGenerations;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.AggregateParallelism;
import com.acme.governance.query.ingestion.ConsumerPositions;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import com.acme.governance.query.ingestion.RecordDecoder;
import com.acme.governance.query.ingestion.UndecodableRecordException;
import com.acme.governance.query.parking.ParkedEvents;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * One instance's stint at a rebuild: reads the event topic with a consumer of its own (assigned every partition, no
 * consumer group), from offset 0 or the last checkpoint, and applies each record through the live side's decoder and
 * dispatcher with the thread pinned to the target generation. Once it is past both the end of the log as it was when
 * the rebuild began and the live consumer's position, it swaps (see {@link #swap}). Stops, leaving the rebuild to be
 * resumed, when the service stops or another instance took the rebuild over.
 */
final class RebuildRun {

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    /** What a run needs from the service, shared by every run. */
    record Services(ReadModelDatabase database, ReadModelGenerations generations, List<ReadModelIndexes> indexes,
                    RecordDecoder decoder, ProjectionDispatcher dispatcher, ConsumerPositions consumerPositions,
                    ParkedEvents parked,
                    ProjectionRebuilds rebuilds, String topic, String liveGroup, Duration checkpoint,
                    Duration progressLog, Duration retryFor, Clock clock, AggregateParallelism parallelism) {
    }

    private final Services services;
    private final Consumer<String, byte[]> consumer;
    private final BooleanSupplier stopping;
    private final Set<String> held;
    private final Map<Integer, PartitionProgress> progress = new TreeMap<>();
    /** Every partition of the topic this run reads; it grows when partitions are added to the topic meanwhile. */
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final long startedAtNanos = System.nanoTime();
    private final long doneBefore;
    private RebuildState state;
    private long done;
    private long lastCheckpoint = System.nanoTime();
    private long lastLog = System.nanoTime();

    RebuildRun(Services services, RebuildState state, Consumer<String, byte[]> consumer, BooleanSupplier stopping) {
        this.services = services;
        this.state = state;
        this.consumer = consumer;
        this.stopping = stopping;
        this.held = Collections.synchronizedSet(new LinkedHashSet<>(state.held()));
        this.done = state.eventsDone();
        this.doneBefore = state.eventsDone();
        state.partitions().forEach(partition -> progress.put(partition.partition(), partition));
    }

    /** @param fresh whether nothing was written to the target generation yet (else it resumes a checkpoint) */
    void run(boolean fresh) {
        long target = state.targetGeneration();
        if (fresh) {
            dropLeftovers(target);
        }
        // Before the first write, like the live generation's at start-up; creating an existing index is a no-op.
        services.generations().pinned(target, () ->
                services.indexes().forEach(feature -> feature.createIndexes(services.database())));
        assign(fresh);
        log.info("Rebuild {} {} generation {} from the event topic ({} partitions, at offsets {}); generation {} "
                        + "stays live meanwhile", state.id(), fresh ? "fills" : "resumes filling", target,
                partitions.size(), nextOffsets(), state.sourceGeneration());
        if (state.status() == RebuildStatus.SWAPPING) {
            swap();
            return;
        }
        while (!stopping.getAsBoolean()) {
            readOnce();
            if (checkpointDue() && !checkpoint()) {
                return;
            }
            if (caughtUp()) {
                // the live position seen at the last checkpoint may be old: read it again, and read on if it moved
                if (!checkpoint()) {
                    return;
                }
                if (caughtUp()) {
                    swap();
                    return;
                }
            }
        }
        log.info("Rebuild {} paused at offsets {} (the service stops): an instance resumes it from its last "
                + "checkpoint once this one has been silent for the lease", state.id(), nextOffsets());
    }

    private void dropLeftovers(long target) {
        services.database().dropGeneration(target);
        Long previous = previousGeneration();
        if (previous != null && previous != state.sourceGeneration()) {
            log.info("Rebuild {} drops generation {}, the one the last swap replaced", state.id(), previous);
            services.database().dropGeneration(previous);
        }
    }

    private Long previousGeneration() {
        var live = services.generations().liveDocument();
        Number previous = live == null ? null : live.get("previous", Number.class);
        return previous == null ? null : previous.longValue();
    }

    private void assign(boolean fresh) {
        List<TopicPartition> found = topicPartitions();
        if (found.isEmpty()) {
            // Never swap in an empty generation because the topic is missing or its metadata not there yet.
            throw new RebuildFailedException("topic " + services.topic() + " has no partitions", null);
        }
        partitions.addAll(found);
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            PartitionProgress known = progress.get(partition.partition());
            long next = known == null || fresh ? 0 : known.next();
            long goal = known == null || fresh ? ends.get(partition) : known.goal();
            progress.put(partition.partition(), new PartitionProgress(partition.partition(), next, ends.get(partition),
                    services.consumerPositions().applied(services.liveGroup(), partition).orElse(0), goal));
            consumer.seek(partition, next);
        }
    }

    private List<TopicPartition> topicPartitions() {
        List<TopicPartition> found = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(services.topic())) {
            found.add(new TopicPartition(info.topic(), info.partition()));
        }
        found.sort(Comparator.comparingInt(TopicPartition::partition));
        return found;
    }

    /**
     * Partitions added to the topic since the run began are read too, from their start: the live consumer reads
     * them, so the new generation must hold their events before it can be swapped in.
     */
    private void readAddedPartitions() {
        List<TopicPartition> added = topicPartitions().stream().filter(partition -> !partitions.contains(partition))
                .toList();
        if (added.isEmpty()) {
            return;
        }
        partitions.addAll(added);
        consumer.assign(partitions);
        // Where each partition read so far is: the new assignment must not move them.
        partitions.stream().filter(partition -> !added.contains(partition))
                .forEach(partition -> consumer.seek(partition, progress.get(partition.partition()).next()));
        Map<TopicPartition, Long> ends = consumer.endOffsets(added);
        for (TopicPartition partition : added) {
            progress.put(partition.partition(), new PartitionProgress(partition.partition(), 0, ends.get(partition),
                    services.consumerPositions().applied(services.liveGroup(), partition).orElse(0),
                    ends.get(partition)));
            consumer.seek(partition, 0);
        }
        log.info("Rebuild {}: the topic has new partitions {}; they are read from their start", state.id(),
                added.stream().map(TopicPartition::partition).toList());
    }

    private void readOnce() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        consumer.poll(POLL).forEach(records::add);
        // as the live consumer applies them: as one batch, else aggregates side by side; the checkpoint's durable
        // write vouches for them
        AggregateParallelism.Outcome outcome = appliedTogether(records)
                ? new AggregateParallelism.Outcome(records.size(), null)
                : services.parallelism().run(records, this::apply);
        done += outcome.applied();
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        // The consumer's position also steps over what is no record (transaction markers) once it has read past it.
        for (TopicPartition partition : partitions) {
            PartitionProgress known = progress.get(partition.partition());
            long position = consumer.position(partition);
            if (position > known.next()) {
                progress.put(partition.partition(), new PartitionProgress(known.partition(), position, known.end(),
                        known.live(), known.goal()));
            }
        }
    }

    /** The records as one batch of bulk writes, when none is held or undecodable and the batch was written. */
    private boolean appliedTogether(List<ConsumerRecord<String, byte[]>> records) {
        return services.decoder().decodeAll(records, record -> held.contains(RecordDecoder.aggregateIdOf(record)))
                .flatMap(events -> services.generations().pinned(state.targetGeneration(),
                        () -> services.dispatcher().applyTogether(events)))
                .isPresent();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String aggregateId = RecordDecoder.aggregateIdOf(record);
        if (aggregateId != null && held.contains(aggregateId)) {
            return;
        }
        IncomingEvent event;
        try {
            event = services.decoder().decode(record);
        } catch (UndecodableRecordException e) {
            if (services.parked().wasDiscarded(ParkedEvents.id(record))) {
                log.info("Rebuild {}: {} is undecodable and was discarded by an operator on the live side; stepped "
                        + "over", state.id(), ParkedEvents.id(record));
                return;
            }
            log.warn("Rebuild {}: {}-{}@{} is undecodable ({}); its aggregate {} is held for the rest of the rebuild, "
                            + "as parking holds it on the live side", state.id(), record.topic(), record.partition(),
                    record.offset(), e.getMessage(), aggregateId);
            if (aggregateId != null) {
                held.add(aggregateId);
            }
            return;
        }
        long target = state.targetGeneration();
        long giveUpAt = System.nanoTime() + services.retryFor().toNanos();
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                services.generations().pinned(target, () -> services.dispatcher().dispatch(event));
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > giveUpAt || stopping.getAsBoolean()) {
                    throw new RebuildFailedException("cannot apply " + event.describe() + " at " + record.topic() + "-"
                            + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
                }
                log.debug("Rebuild {}: {} failed, retrying in {}: {}", state.id(), event.describe(), wait, e.getMessage());
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
                if (checkpointDue() && !save(state)) {
                    throw new RebuildFailedException("another instance took the rebuild over", e);
                }
            }
        }
    }

    private synchronized boolean checkpointDue() {
        return System.nanoTime() - lastCheckpoint >= services.checkpoint().toNanos();
    }

    /** Stores the progress and learns where the log and the live consumer are; false if the rebuild is not ours. */
    private boolean checkpoint() {
        readAddedPartitions();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            PartitionProgress known = progress.get(partition.partition());
            progress.put(partition.partition(), new PartitionProgress(known.partition(), known.next(),
                    ends.get(partition), services.consumerPositions().applied(services.liveGroup(), partition)
                    .orElse(0), known.goal()));
        }
        if (!save(state)) {
            log.warn("Rebuild {} was taken over by another instance; this one stops", state.id());
            return false;
        }
        if (System.nanoTime() - lastLog >= services.progressLog().toNanos()) {
            lastLog = System.nanoTime();
            logProgress();
        }
        return true;
    }

    /** Synchronized: a record's retries on the threads of {@link AggregateParallelism} save the progress too. */
    private synchronized boolean save(RebuildState current) {
        lastCheckpoint = System.nanoTime();
        List<String> heldNow;
        synchronized (held) {
            heldNow = List.copyOf(held);
        }
        state = current.progressed(services.clock().instant(), done, rate(), List.copyOf(progress.values()),
                heldNow);
        return services.rebuilds().save(state);
    }

    private double rate() {
        double seconds = (System.nanoTime() - startedAtNanos) / 1e9;
        return seconds <= 0 ? 0 : (done - doneBefore) / seconds;
    }

    private void logProgress() {
        long remaining = state.remaining();
        String eta = state.rate() > 0 ? Duration.ofSeconds((long) Math.ceil(remaining / state.rate())).toString() : "?";
        log.info("Rebuild {} into generation {}: {} of {} events, {}/s, ETA {}, lag per partition {}, behind live {}",
                state.id(), state.targetGeneration(), done, done + remaining, Math.round(state.rate()), eta,
                progress.values().stream().collect(Collectors.toMap(PartitionProgress::partition,
                        PartitionProgress::lag, Long::sum, TreeMap::new)),
                progress.values().stream().collect(Collectors.toMap(PartitionProgress::partition,
                        p -> Math.max(0, p.live() - p.next()), Long::sum, TreeMap::new)));
    }

    /** Past the log's end at the start and the live position, as last looked at: time to check again and swap. */
    private boolean caughtUp() {
        return progress.values().stream().allMatch(p -> p.next() >= p.goal() && p.next() >= p.live());
    }

    /**
     * Makes the target generation live with one conditional write, then applies to it whatever the live consumer
     * applied to the old generation until every instance saw the swap: at once, and again after twice the time an
     * instance may trust the generation it read. Idempotence makes re-applying what is already there harmless.
     */
    private void swap() {
        if (state.status() == RebuildStatus.RUNNING) {
            requireHoldsStillParkedLive();
            state = state.withStatus(RebuildStatus.SWAPPING, services.clock().instant(), null);
            if (!save(state)) {
                return;
            }
        }
        long source = state.sourceGeneration();
        long target = state.targetGeneration();
        if (services.generations().liveNow() != target) {
            if (!services.generations().swap(source, target)) {
                throw new RebuildFailedException("generation " + source + " is no longer live (generation "
                        + services.generations().liveNow() + " is): another swap happened meanwhile", null);
            }
            log.info("Rebuild {}: generation {} is live now, in place of {}", state.id(), target, source);
        }
        drainToLive();
        sleep(services.generations().cacheFor().multipliedBy(2));
        drainToLive();
        state = state.withStatus(RebuildStatus.COMPLETED, services.clock().instant(), null);
        save(state);
        logProgress();
        log.info("Rebuild {} completed: generation {} is live with {} events replayed; generation {} is kept until the "
                + "next rebuild", state.id(), target, done, source);
    }

    /**
     * Every aggregate this rebuild held is still held on the live side: one released there meanwhile (its parked
     * record retried or discarded) has later events in the live generation that this one stepped over, so swapping
     * it in would lose them. The rebuild fails then, changing nothing live; a new one reads the aggregate whole.
     */
    private void requireHoldsStillParkedLive() {
        List<String> released = held.stream().filter(aggregateId -> services.parked().firstOf(aggregateId).isEmpty())
                .toList();
        if (!released.isEmpty()) {
            throw new RebuildFailedException("aggregates " + released + " were released on the live side during the "
                    + "rebuild (their parked records retried or discarded), so it lacks their later events; request "
                    + "the rebuild again", null);
        }
    }

    private void drainToLive() {
        readAddedPartitions();
        Map<Integer, Long> live = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            live.put(partition.partition(),
                    services.consumerPositions().applied(services.liveGroup(), partition).orElse(0));
        }
        while (progress.values().stream().anyMatch(p -> p.next() < live.get(p.partition()))) {
            readOnce();
            if (checkpointDue() && !save(state)) {
                throw new RebuildFailedException("another instance took the rebuild over while it swapped", null);
            }
        }
    }

    private Map<Integer, Long> nextOffsets() {
        return progress.values().stream().collect(Collectors.toMap(PartitionProgress::partition,
                PartitionProgress::next, Long::sum, TreeMap::new));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildFailedException("interrupted", e);
        }
    }
}
