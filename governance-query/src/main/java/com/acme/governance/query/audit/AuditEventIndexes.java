package com.acme.governance.query.audit;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.mongodb.client.model.Indexes;
import org.springframework.stereotype.Component;

/** The index of an aggregate's history (see {@link AuditEventRepository#historyOf}). */
@Component("queryAuditEventIndexes")
public class AuditEventIndexes implements ReadModelIndexes {

    @Override
    public void createIndexes(ReadModelDatabase database) {
        database.collection(AuditEventProjection.COLLECTION, IncomingEvent.class)
                .createIndex(Indexes.ascending("aggregateId", "sequence"));
    }
}
