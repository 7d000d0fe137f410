package com.acme.governance.query.config;

/**
 * The secondary indexes one feature's read model needs for its list filters and lookups, declared by the feature
 * beside its projection and created at start-up (see {@link QueryMongoConfiguration}). None of them is unique: every
 * uniqueness the read models rely on is their {@code _id}.
 */
public interface ReadModelIndexes {

    /** Creates them; creating an index that exists is a no-op. */
    void createIndexes(ReadModelDatabase database);
}
