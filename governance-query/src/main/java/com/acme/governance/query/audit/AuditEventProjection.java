package com.acme.governance.query.audit;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.IdempotentInsert;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.mongodb.client.MongoCollection;
import org.springframework.stereotype.Component;

/**
 * Keeps every event, whatever its type, with its full envelope: the event log behind the histories and the audit
 * trail. The document is the {@link IncomingEvent} itself, keyed by event id, so a redelivered event is a duplicate
 * key and changes nothing; its payload is kept as JSON text, from which the hash chain can be recomputed.
 */
@Component("queryAuditEventProjection")
public class AuditEventProjection implements Projection {

    public static final String COLLECTION = "audit_events";

    private final MongoCollection<IncomingEvent> events;

    public AuditEventProjection(ReadModelDatabase database) {
        this.events = database.collection(COLLECTION, IncomingEvent.class);
    }

    @Override
    public void apply(IncomingEvent event) {
        IdempotentInsert.insertIfAbsent(events, event);
    }
}
