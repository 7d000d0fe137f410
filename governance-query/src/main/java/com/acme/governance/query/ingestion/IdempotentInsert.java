package com.acme.governance.query.ingestion;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
/** Inserts keyed by a natural id, where a duplicate key means the same event was already applied. */
public final class IdempotentInsert {

    private IdempotentInsert() {
    }

    /** @return true if inserted, false if a document with that {@code _id} was already there */
    public static <T> boolean insertIfAbsent(MongoCollection<T> collection, T document) {
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
