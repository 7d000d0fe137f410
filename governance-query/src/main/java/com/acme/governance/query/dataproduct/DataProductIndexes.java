package com.acme.governance.query.dataproduct;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The indexes of the data product list filters (see {@link DataProductSearchFilter}). */
@Component("queryDataProductIndexes")
public class DataProductIndexes implements ReadModelIndexes {

    private static final Logger log = LoggerFactory.getLogger(DataProductIndexes.class);
    private static final int BACKFILL_BATCH = 500;

    @Override
    public void createIndexes(ReadModelDatabase database) {
        MongoCollection<DataProductView> products = DataProductProjection.collectionIn(database);
        SequencedDocuments.createSequenceIndex(products, SequencedDocuments.VERSION);
        products.createIndex(Indexes.ascending("domain"));
        products.createIndex(Indexes.ascending("ownerTeam"));
        products.createIndex(Indexes.ascending("tags"));
        products.createIndex(Indexes.ascending("status"));
        products.createIndex(Indexes.ascending("classification"));
        products.createIndex(Indexes.ascending(SearchTerms.FIELD));
        backfillSearchTerms(products);
    }

    /**
     * Gives the products that a version before ADR 0047 wrote their search terms, so that a search finds them without
     * a rebuild. Each update is conditional on the terms still missing: one the projection wrote meanwhile stands.
     */
    static long backfillSearchTerms(MongoCollection<DataProductView> products) {
        List<WriteModel<DataProductView>> updates = new ArrayList<>();
        long filled = 0;
        for (DataProductView product : products.find(Filters.exists(SearchTerms.FIELD, false))) {
            List<String> terms = SearchTerms.of(product.title(), product.description(), product.tags());
            updates.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", product.id()),
                    Filters.exists(SearchTerms.FIELD, false)), Updates.set(SearchTerms.FIELD, terms)));
            if (updates.size() == BACKFILL_BATCH) {
                filled += products.bulkWrite(updates).getModifiedCount();
                updates.clear();
            }
        }
        if (!updates.isEmpty()) {
            filled += products.bulkWrite(updates).getModifiedCount();
        }
        if (filled > 0) {
            log.info("Gave {} data products written before search terms their terms", filled);
        }
        return filled;
    }
}
