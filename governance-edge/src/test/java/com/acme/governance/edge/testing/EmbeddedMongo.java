package com.acme.governance.edge.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * A MongoDB-wire server in memory on a free port, for either service's tests: on its own (with {@link #client()}),
 * or under a Spring context through {@link EmbeddedMongoConfiguration}.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;
    private MongoClient client;

    private EmbeddedMongo(MongoServer server) {
        this.server = server;
        InetSocketAddress address = server.bind();
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public static EmbeddedMongo start() {
        return new EmbeddedMongo(new MongoServer(new MemoryBackend()));
    }

    public String connectionString() {
        return connectionString;
    }

    /** A client of the test's own, connected on first use and closed with the server. */
    public synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(connectionString);
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        server.shutdownNow();
    }
}
