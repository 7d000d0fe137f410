package com.acme.governance.local.mongo;

import com.acme.governance.local.FreePort;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;

import java.net.InetSocketAddress;

/** A mongo-java-server on a free port over the given backend, and the real driver connected to it. */
public final class EmbeddedServer implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    EmbeddedServer(MongoBackend backend) {
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://localhost:" + address.getPort());
    }

    /** Served by one acceptor and {@code workerThreads} workers on a free port, as the benchmarks measure it. */
    public EmbeddedServer(MongoBackend backend, int workerThreads) {
        server = new MongoServer(backend);
        int port = FreePort.find();
        server.bind(new InetSocketAddress("localhost", port), 1, workerThreads);
        client = MongoClients.create("mongodb://localhost:" + port);
    }

    /** The driver connected to it. */
    public MongoClient client() {
        return client;
    }

    /** The event store's collection, as Axon names it. */
    MongoCollection<Document> events() {
        return client.getDatabase("governance_events").getCollection("domainevents");
    }

    /** Closes the driver, then the server and its backend. */
    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
