package com.acme.governance.query.audit;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelGenerations;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.IdempotentInsert;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.ProjectionGapException;
import com.acme.governance.query.ingestion.ReadModelBatch;
import com.mongodb.client.MongoCollection;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.model.Projections;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps every event, whatever its type, with its full envelope: the event log behind the histories and the audit
 * trail. The document is the {@link IncomingEvent} field by field, keyed by event id, so a redelivered event is a
 * duplicate key and changes nothing; its payload is kept as JSON text, from which the hash chain can be recomputed.
 * It adds the event's trail time ({@link AuditEventDocument#trailTime()}), taken from its predecessor, which the
 * read side always applies first (adr/0018): an event whose predecessor is not here yet is a gap, retried until it
 * is, never a trail time guessed without it (around a rebuild's swap, the live side may reach an aggregate's next
 * event before the swap's drain brought its predecessor over).
 *
 * <p>The predecessor is usually the event this instance applied last for the aggregate, in the same generation: its
 * trail time is then remembered rather than read again, one read per event less (ADR 0039). Only the exact
 * predecessor is taken from memory; any other sequence (a partition that moved between instances, a restart, a
 * rebuild) reads the stored one, with the gap check.
 */
@Component("queryAuditEventProjection")
public class AuditEventProjection implements Projection {

    public static final String COLLECTION = "audit_events";

    /** Aggregates remembered; about 150 bytes each. */
    static final int REMEMBERED_AGGREGATES = 50_000;

    private final MongoCollection<AuditEventDocument> events;
    private final MongoCollection<AuditEventDocument.TrailTime> trailTimes;
    private final ReadModelGenerations generations;
    private final Cache<InGeneration, Applied> lastApplied = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_AGGREGATES).build();

    private record InGeneration(long generation, String aggregateId) {
    }

    private record Applied(long sequence, Instant trailTime) {
    }

    public AuditEventProjection(ReadModelDatabase database) {
        this.events = database.collection(COLLECTION, AuditEventDocument.class);
        this.trailTimes = database.collection(COLLECTION, AuditEventDocument.TrailTime.class);
        this.generations = database.generations();
    }

    @Override
    public boolean writesInBatches() {
        return true;
    }

    @Override
    public void apply(IncomingEvent event) {
        InGeneration aggregate = new InGeneration(generations.current(), event.aggregateId());
        Optional<ReadModelBatch> batch = ReadModelBatch.collecting();
        // in a batch, the batch's earlier events are remembered for it alone until it is written
        Map<InGeneration, Applied> inBatch = batch.map(b -> b.state(this, HashMap<InGeneration, Applied>::new))
                .orElse(null);
        Applied previous = inBatch == null ? null : inBatch.get(aggregate);
        if (previous == null) {
            previous = lastApplied.getIfPresent(aggregate);
        }
        Instant trailTime = previous != null && previous.sequence() == event.sequence() - 1
                ? later(previous.trailTime(), event)
                : trailTime(event);
        IdempotentInsert.insertIfAbsent(events, AuditEventDocument.of(event, trailTime));
        // A duplicate kept the trail time computed the first time, which is this one: it depends only on the stream.
        Applied applied = new Applied(event.sequence(), trailTime);
        if (inBatch == null) {
            lastApplied.put(aggregate, applied);
        } else {
            inBatch.put(aggregate, applied);
            batch.get().afterWritten(() -> lastApplied.put(aggregate, applied));
        }
    }

    private Instant trailTime(IncomingEvent event) {
        if (event.sequence() == 0) {
            return event.time();
        }
        AuditEventDocument.TrailTime predecessor = trailTimes
                .find(ReadModelIndexes.exactly(AuditTrailFilter.AGGREGATE_ID, event.aggregateId(),
                        AuditTrailFilter.SEQUENCE, event.sequence() - 1))
                .projection(Projections.include(AuditTrailFilter.TRAIL_TIME))
                .first();
        if (predecessor == null) {
            throw new ProjectionGapException("Gap in the audit trail of " + event.aggregateId() + ": event "
                    + event.sequence() + " arrived before event " + (event.sequence() - 1));
        }
        return later(predecessor.trailTime(), event);
    }

    /** Never before the predecessor's: the trail's order is the aggregate's (ADR 0021). */
    private static Instant later(Instant predecessorTrailTime, IncomingEvent event) {
        if (predecessorTrailTime == null || !predecessorTrailTime.isAfter(event.time())) {
            return event.time();
        }
        return predecessorTrailTime;
    }
}
