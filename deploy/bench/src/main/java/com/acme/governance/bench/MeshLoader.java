package com.acme.governance.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Grows the history to a size through the product's own front door: the command mix from several clients until the
 * event store holds that many events. Every event is therefore a real decision, sealed in its hash chain by the
 * command side, relayed to the topic and projected, as in production; the price is time (about the B1 rate).
 */
public final class MeshLoader implements AutoCloseable {

    private static final int CLIENTS = 8;

    private final Api api;
    private final String run;
    private final MongoClient mongo;
    private final MongoCollection<Document> events;

    public MeshLoader(Api api, String run, String mongoUri) {
        this.api = api;
        this.run = run;
        this.mongo = MongoClients.create(mongoUri);
        this.events = mongo.getDatabase("governance_events").getCollection("domainevents");
    }

    public long storedEvents() {
        return events.estimatedDocumentCount();
    }

    /** Loads until the store holds {@code size} events; the products the mix registered on the way are counted. */
    public void growTo(long size, Consumer<String> progress) throws Exception {
        long before = storedEvents();
        AtomicBoolean full = new AtomicBoolean(before >= size);
        long start = System.nanoTime();
        Workers.run(CLIENTS, client -> {
            CommandMix mix = new CommandMix(api, run);
            int stories = 0;
            while (!full.get()) {
                mix.tellOnce(Long.MAX_VALUE);
                if (++stories % 5 == 0 && client == 0) {
                    long stored = storedEvents();
                    full.set(stored >= size);
                    progress.accept(String.format("loading: %,d of %,d events stored, %.0f events/s", stored, size,
                            (stored - before) / Math.max(1e-9, (System.nanoTime() - start) / 1e9)));
                }
            }
            return stories;
        });
    }

    @Override
    public void close() {
        mongo.close();
    }
}
