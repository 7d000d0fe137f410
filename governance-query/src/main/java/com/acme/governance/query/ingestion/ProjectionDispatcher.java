package com.acme.governance.query.ingestion;

import com.acme.governance.query.config.ReadModelGenerations;
import com.acme.governance.query.consistency.ProjectionPositions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands every event to every projection, then records that its aggregate's read models reached it. The position
 * moves only after all projections succeeded, because readers waiting on a consistency token trust it. One event is
 * applied to one generation of the read models throughout (ADR 0026): the one the thread is pinned to (a rebuild's),
 * else the live one as of the event's start, even if a swap happens meanwhile; and again to the new one when the
 * swap may have missed it (see {@link #dispatch(IncomingEvent, Runnable)}).
 */
@Component("queryProjectionDispatcher")
public class ProjectionDispatcher {

    public static final String EVENTS_COUNTER = "governance.projection.events";
    public static final String BATCHES_COUNTER = "governance.projection.batches";

    private static final Logger log = LoggerFactory.getLogger(ProjectionDispatcher.class);

    private final List<Projection> projections;
    private final ProjectionPositions positions;
    private final Counter applied;
    private final Counter duplicates;
    private final ReadModelGenerations generations;
    private final boolean batching;
    private final Counter batchesWritten;
    private final Counter batchesOneByOne;

    public ProjectionDispatcher(List<Projection> projections, ProjectionPositions positions) {
        this(projections, positions, new SimpleMeterRegistry(), null);
    }

    public ProjectionDispatcher(List<Projection> projections, ProjectionPositions positions, MeterRegistry meters) {
        this(projections, positions, meters, null);
    }

    /** @param generations null where one generation is all there is (tests of the dispatching alone) */
    @Autowired
    public ProjectionDispatcher(List<Projection> projections, ProjectionPositions positions, MeterRegistry meters,
                                ReadModelGenerations generations) {
        this.projections = List.copyOf(projections);
        this.positions = positions;
        this.generations = generations;
        this.applied = counter(meters, "applied");
        this.duplicates = counter(meters, "duplicate");
        this.batching = this.projections.stream().allMatch(Projection::writesInBatches);
        this.batchesWritten = batchCounter(meters, "written");
        this.batchesOneByOne = batchCounter(meters, "one-by-one");
    }

    /**
     * @throws MalformedEventException for a type this version does not know: such records are parked before they
     *                                 get here (see {@link RecordDecoder})
     */
    public void dispatch(IncomingEvent event) {
        dispatch(event, () -> {
        });
    }

    /**
     * Applies the event, then runs {@code recorded}: the live consumer's write of its position, which a rebuild's
     * swap reads to learn what to apply to the new generation. Should a swap have come between the event's reading
     * of the live generation and that write, and too long ago for the swap's last drain to have seen the write (a
     * write stalled for seconds), the event is applied again to the new generation, idempotently: no event is left
     * in the replaced generation only.
     */
    public void dispatch(IncomingEvent event, Runnable recorded) {
        Runnable afterRecorded = apply(event);
        recorded.run();
        afterRecorded.run();
    }

    /**
     * Applies the event and answers what to run once its position is recorded: for a consumer that records the
     * positions of several events at once, {@link #dispatch(IncomingEvent, Runnable)} in two halves.
     */
    public Runnable apply(IncomingEvent event) {
        if (!event.isCatalogued()) {
            throw new MalformedEventException(event.type(), "type " + event.type() + " of " + event.describe()
                    + " is not in the EventCatalog of this version");
        }
        return onItsGeneration(List.of(event), () -> {
            applyToAll(event, true);
            return true;
        }).orElseThrow();
    }

    /**
     * Applies several events (a poll's, in its order) as one {@link ReadModelBatch}: a bulk write per read-model
     * collection, then one for the positions of their aggregates (ADR 0042). Written only as a whole; when it was
     * not (an event applied before or a gap among them, a write refused, a projection that cannot batch), the
     * answer is empty and the caller applies the events one by one, which is idempotent whatever the batch left.
     *
     * @return what to run once the events' consumer positions are recorded, as for {@link #apply}; empty when the
     * events were not applied as a batch
     */
    public Optional<Runnable> applyTogether(List<IncomingEvent> events) {
        if (!batching || events.size() < 2 || !events.stream().allMatch(IncomingEvent::isCatalogued)) {
            return Optional.empty();
        }
        return onItsGeneration(events, () -> writtenTogether(events));
    }

    /**
     * Runs {@code write} of the events on the generation the thread is pinned to, else on the live one as of now
     * (ADR 0026).
     *
     * @return empty when the write answered false (nothing to follow up); else what to run once the events' positions
     * are recorded: applying them again to a generation that replaced the live one meanwhile
     */
    private Optional<Runnable> onItsGeneration(List<IncomingEvent> events, Supplier<Boolean> write) {
        if (generations == null || generations.isPinned()) {
            return write.get() ? Optional.of(() -> {
            }) : Optional.empty();
        }
        ReadModelGenerations.Reading reading = generations.reading();
        if (!generations.pinned(reading.generation(), write)) {
            return Optional.empty();
        }
        return Optional.of(() -> generations.swappedSince(reading).ifPresent(live -> {
            log.info("{} applied to generation {} while generation {} replaced it; applying there too",
                    events.size() == 1 ? events.get(0).describe() + " was" : events.size() + " events were",
                    reading.generation(), live);
            generations.pinned(live, () -> events.forEach(event -> applyToAll(event, false)));
        }));
    }

    private boolean writtenTogether(List<IncomingEvent> events) {
        ReadModelBatch batch = new ReadModelBatch();
        Map<String, Long> lastSequences = new LinkedHashMap<>();
        try {
            batch.collect(() -> {
                for (IncomingEvent event : events) {
                    for (Projection projection : projections) {
                        projection.apply(event);
                    }
                    lastSequences.merge(event.aggregateId(), event.sequence(), Math::max);
                }
            });
            batch.write();
            positions.advanceAll(lastSequences);
        } catch (RuntimeException e) {
            batchesOneByOne.increment();
            log.debug("{} event(s) were not applied as one batch, so one by one: {}", events.size(), e.getMessage());
            return false;
        }
        batchesWritten.increment();
        applied.increment(events.size());
        return true;
    }

    private void applyToAll(IncomingEvent event, boolean counted) {
        for (Projection projection : projections) {
            projection.apply(event);
        }
        boolean advanced = positions.advance(event.aggregateId(), event.sequence());
        if (!counted) {
            return;
        }
        if (advanced) {
            applied.increment();
        } else {
            duplicates.increment();
            log.debug("{} was applied before (redelivered); the projections left it as it was", event.describe());
        }
    }

    private static Counter batchCounter(MeterRegistry meters, String outcome) {
        return Counter.builder(BATCHES_COUNTER).tag("outcome", outcome)
                .description("Polls of events applied as one batch of bulk writes (written), or applied one by one "
                        + "after their batch was not written as a whole: a redelivery, a gap (one-by-one)")
                .register(meters);
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(EVENTS_COUNTER).tag("outcome", outcome)
                .description("Events handed to the projections: applied for the first time, or a redelivery of one "
                        + "applied before (which changes nothing)")
                .register(meters);
    }
}
