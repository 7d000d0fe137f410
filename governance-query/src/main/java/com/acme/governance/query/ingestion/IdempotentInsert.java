package com.acme.governance.query.ingestion;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;

import java.util.Optional;

/** Inserts keyed by a natural id, where a duplicate key means the same event was already applied. */
public final class IdempotentInsert {

    private IdempotentInsert() {
    }

    /**
     * @return true if inserted, false if a document with that {@code _id} was already there; in a
     * {@link ReadModelBatch}, true: the batch is written only if it inserts the document
     */
    public static <T> boolean insertIfAbsent(MongoCollection<T> collection, T document) {
        Optional<ReadModelBatch> batch = ReadModelBatch.collecting();
        if (batch.isPresent()) {
            // the batch is written only if the document was absent; else its events are applied one by one
            batch.get().insert(collection, document);
            return true;
        }
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
