package com.acme.governance.query.audit;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import org.springframework.stereotype.Component;

/**
 * The indexes of the event log: an aggregate's history ({@link AuditEventRepository#historyOf}), and the audit
 * trail's order ({@link AuditTrailFilter#ORDER}), which every trail query sorts and resumes by.
 */
@Component("queryAuditEventIndexes")
public class AuditEventIndexes implements ReadModelIndexes {

    @Override
    public void createIndexes(ReadModelDatabase database) {
        MongoCollection<AuditEventDocument> events =
                database.collection(AuditEventProjection.COLLECTION, AuditEventDocument.class);
        // unique (an aggregate has one event per sequence): each event's predecessor is looked up by it as it arrives
        ReadModelIndexes.createUnique(events, AuditTrailFilter.AGGREGATE_ID, AuditTrailFilter.SEQUENCE);
        events.createIndex(Indexes.ascending(AuditTrailFilter.TRAIL_TIME, AuditTrailFilter.AGGREGATE_ID,
                AuditTrailFilter.SEQUENCE));
    }
}
