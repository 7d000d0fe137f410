package com.acme.governance.query.audit.verify;

import com.acme.governance.query.audit.AuditEventDocument;
import com.acme.governance.query.audit.AuditEventProjection;
import com.acme.governance.query.config.ReadModelDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** The audit trail's copies of the stored events, in the store's order: the index {aggregateId, sequence}. */
@Component("queryAuditCopies")
public class AuditCopies {

    private static final String AGGREGATE_ID = "aggregateId";
    private static final String SEQUENCE = "sequence";

    private final MongoCollection<AuditEventDocument> events;

    public AuditCopies(ReadModelDatabase database) {
        this.events = database.collection(AuditEventProjection.COLLECTION, AuditEventDocument.class);
    }

    /** @param aggregateId null for every aggregate; the caller closes the cursor */
    MongoCursor<AuditEventDocument> inStoreOrder(String aggregateId, int batchSize) {
        Bson filter = aggregateId == null ? Filters.empty() : Filters.eq(AGGREGATE_ID, aggregateId);
        return events.find(filter).sort(Sorts.ascending(AGGREGATE_ID, SEQUENCE)).batchSize(batchSize).cursor();
    }
}
