package com.acme.governance.query.support;

import com.acme.governance.edge.testing.EmbeddedMongo;
import com.acme.governance.query.config.ReadModelDatabase;
import com.mongodb.client.MongoClient;

import java.util.concurrent.atomic.AtomicInteger;

/** The shared {@link EmbeddedMongo}, with what the query side's tests add: a fresh read model database each. */
public final class InMemoryMongo implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedMongo mongo;

    private InMemoryMongo(EmbeddedMongo mongo) {
        this.mongo = mongo;
    }

    public static InMemoryMongo start() {
        return new InMemoryMongo(EmbeddedMongo.start());
    }

    public String connectionString() {
        return mongo.connectionString();
    }

    public MongoClient client() {
        return mongo.client();
    }

    /** A database no other test touched (each feature's test creates the indexes it declares). */
    public ReadModelDatabase freshDatabase() {
        return new ReadModelDatabase(client().getDatabase("test_" + DATABASES.incrementAndGet()), TestJson.MAPPER);
    }

    @Override
    public void close() {
        mongo.close();
    }
}
