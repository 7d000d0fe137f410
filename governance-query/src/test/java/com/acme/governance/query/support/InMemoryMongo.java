package com.acme.governance.query.support;

import com.acme.governance.query.config.ReadModelDatabase;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** A MongoDB-wire server in memory on a free port, with a client connected to it. */
public final class InMemoryMongo implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final MongoServer server;
    private final MongoClient client;

    private InMemoryMongo(MongoServer server, MongoClient client) {
        this.server = server;
        this.client = client;
    }

    public static InMemoryMongo start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        return new InMemoryMongo(server, MongoClients.create(connectionString(address)));
    }

    public String connectionString() {
        return connectionString(server.getLocalAddress());
    }

    public MongoClient client() {
        return client;
    }

    /** A database no other test touched (each feature's test creates the indexes it declares). */
    public ReadModelDatabase freshDatabase() {
        return new ReadModelDatabase(client.getDatabase("test_" + DATABASES.incrementAndGet()), TestJson.MAPPER);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }

    private static String connectionString(InetSocketAddress address) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }
}
