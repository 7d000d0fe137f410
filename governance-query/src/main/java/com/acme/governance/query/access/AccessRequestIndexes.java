package com.acme.governance.query.access;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import org.springframework.stereotype.Component;

/** The indexes of the access request list filters and order (see {@link AccessRequestSearchFilter}). */
@Component("queryAccessRequestIndexes")
public class AccessRequestIndexes implements ReadModelIndexes {

    @Override
    public void createIndexes(ReadModelDatabase database) {
        MongoCollection<AccessRequestView> requests = AccessRequestProjection.collectionIn(database);
        SequencedDocuments.createSequenceIndex(requests, AccessRequestProjection.EVENT_COUNT);
        requests.createIndex(Indexes.ascending("status", "requestedAt"));
        requests.createIndex(Indexes.ascending("dataProductId"));
        requests.createIndex(Indexes.ascending("consumerTeam"));
    }
}
