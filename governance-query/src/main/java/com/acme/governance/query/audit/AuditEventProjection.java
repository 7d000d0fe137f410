package com.acme.governance.query.audit;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.IdempotentInsert;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.ProjectionGapException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps every event, whatever its type, with its full envelope: the event log behind the histories and the audit
 * trail. The document is the {@link IncomingEvent} field by field, keyed by event id, so a redelivered event is a
 * duplicate key and changes nothing; its payload is kept as JSON text, from which the hash chain can be recomputed.
 * It adds the event's trail time ({@link AuditEventDocument#trailTime()}), taken from its predecessor, which the
 * read side always applies first (adr/0018): an event whose predecessor is not here yet is a gap, retried until it
 * is, never a trail time guessed without it (around a rebuild's swap, the live side may reach an aggregate's next
 * event before the swap's drain brought its predecessor over).
 */
@Component("queryAuditEventProjection")
public class AuditEventProjection implements Projection {

    public static final String COLLECTION = "audit_events";

    private final MongoCollection<AuditEventDocument> events;
    private final MongoCollection<AuditEventDocument.TrailTime> trailTimes;

    public AuditEventProjection(ReadModelDatabase database) {
        this.events = database.collection(COLLECTION, AuditEventDocument.class);
        this.trailTimes = database.collection(COLLECTION, AuditEventDocument.TrailTime.class);
    }

    @Override
    public void apply(IncomingEvent event) {
        IdempotentInsert.insertIfAbsent(events, AuditEventDocument.of(event, trailTime(event)));
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
        if (predecessor.trailTime() == null || !predecessor.trailTime().isAfter(event.time())) {
            return event.time();
        }
        return predecessor.trailTime();
    }
}
