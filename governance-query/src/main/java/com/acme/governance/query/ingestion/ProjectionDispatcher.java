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

import java.util.List;

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

    private static final Logger log = LoggerFactory.getLogger(ProjectionDispatcher.class);

    private final List<Projection> projections;
    private final ProjectionPositions positions;
    private final Counter applied;
    private final Counter duplicates;
    private final ReadModelGenerations generations;

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
        if (generations == null || generations.isPinned()) {
            applyToAll(event, true);
            return () -> {
            };
        }
        ReadModelGenerations.Reading reading = generations.reading();
        generations.pinned(reading.generation(), () -> applyToAll(event, true));
        return () -> generations.swappedSince(reading).ifPresent(live -> {
            log.info("{} was applied to generation {} while generation {} replaced it; applying it there too",
                    event.describe(), reading.generation(), live);
            generations.pinned(live, () -> applyToAll(event, false));
        });
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

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(EVENTS_COUNTER).tag("outcome", outcome)
                .description("Events handed to the projections: applied for the first time, or a redelivery of one "
                        + "applied before (which changes nothing)")
                .register(meters);
    }
}
