package com.acme.governance.query.access;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import org.springframework.stereotype.Component;

/** The indexes of the access grant list filters, access-as-of and their order (see {@link AccessGrantSearchFilter}). */
@Component("queryAccessGrantIndexes")
public class AccessGrantIndexes implements ReadModelIndexes {

    @Override
    public void createIndexes(ReadModelDatabase database) {
        MongoCollection<AccessGrantView> grants = AccessGrantProjection.collectionIn(database);
        SequencedDocuments.createSequenceIndex(grants, AccessRequestProjection.EVENT_COUNT);
        grants.createIndex(Indexes.ascending("status", "startsAt"));
        // by product or by team, then the start: the filters of the lists and of access-as-of
        grants.createIndex(Indexes.ascending("dataProductId", "startsAt"));
        grants.createIndex(Indexes.ascending("consumerTeam", "startsAt"));
    }
}
