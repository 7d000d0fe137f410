package com.acme.governance.query.audit;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.IdempotentInsert;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;

import static com.acme.governance.query.audit.AuditEventFields.*;

/**
 * Keeps every event, whatever its type, with its full envelope: the event log behind the histories and the audit
 * trail. Keyed by event id, so a redelivered event is a duplicate key and changes nothing.
 */
@Component("queryAuditEventProjection")
public class AuditEventProjection implements Projection {

    private final MongoCollection<Document> events;

    public AuditEventProjection(ReadModelDatabase database) {
        this.events = database.auditEvents();
    }

    @Override
    public void apply(IncomingEvent event) {
        IdempotentInsert.insertIfAbsent(events, new Document()
                .append(EVENT_ID, event.eventId())
                .append(TYPE, event.type())
                .append(AGGREGATE_ID, event.aggregateId())
                .append(AGGREGATE_TYPE, event.aggregateType())
                .append(SEQUENCE, event.sequence())
                .append(TIME, Date.from(event.time()))
                .append(PRINCIPAL, event.principal())
                .append(TEAMS, event.teams())
                .append(ROLES, event.roles())
                .append(CORRELATION_ID, event.correlationId())
                .append(CAUSATION_ID, event.causationId())
                .append(HASH, event.hash())
                .append(PREVIOUS_HASH, event.previousHash())
                .append(PAYLOAD, event.payload().toString()));
    }
}
