package com.acme.governance.query.dataproduct;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import org.springframework.stereotype.Component;

/** The indexes of the data product list filters (see {@link DataProductSearchFilter}). */
@Component("queryDataProductIndexes")
public class DataProductIndexes implements ReadModelIndexes {

    @Override
    public void createIndexes(ReadModelDatabase database) {
        MongoCollection<DataProductView> products = DataProductProjection.collectionIn(database);
        SequencedDocuments.createSequenceIndex(products, SequencedDocuments.VERSION);
        products.createIndex(Indexes.ascending("domain"));
        products.createIndex(Indexes.ascending("ownerTeam"));
        products.createIndex(Indexes.ascending("tags"));
        products.createIndex(Indexes.ascending("status"));
        products.createIndex(Indexes.ascending("classification"));
    }
}
