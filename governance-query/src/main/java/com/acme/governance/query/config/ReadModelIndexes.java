package com.acme.governance.query.config;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;

/**
 * The secondary indexes one feature's read model needs for its list filters and lookups, declared by the feature
 * beside its projection and created at start-up (see {@link QueryMongoConfiguration}). Every uniqueness the read
 * models rely on is their {@code _id}; the unique indexes below only make lookups on the hot path of ingestion
 * cheap on every store.
 */
public interface ReadModelIndexes {

    /** Creates them; creating an index that exists is a no-op. */
    void createIndexes(ReadModelDatabase database);

    /**
     * A unique index on {@code fields} in that order, replacing a non-unique one of the same name that an earlier
     * version created. The embedded MongoDB-wire server implements unique indexes only, and serves a filter from one
     * only when the filter is a plain document naming exactly its fields ({@link #exactly}); anything else scans the
     * whole collection, which on the ingestion path made every event cost time in proportion to the read model.
     */
    static void createUnique(MongoCollection<?> collection, String... fields) {
        String name = String.join("_1_", fields) + "_1";
        for (Document index : collection.listIndexes()) {
            if (name.equals(index.getString("name")) && !Boolean.TRUE.equals(index.get("unique"))) {
                collection.dropIndex(name);
            }
        }
        collection.createIndex(Indexes.ascending(List.of(fields)), new IndexOptions().unique(true).name(name));
    }

    /**
     * The filter {@code {field: value, otherField: otherValue}} as one plain document, which {@link #createUnique}'s
     * index serves; {@code Filters.and} would render {@code $and}, which the embedded server serves from no index.
     */
    static Bson exactly(String field, Object value, String otherField, Object otherValue) {
        return new Document(field, value).append(otherField, otherValue);
    }
}
