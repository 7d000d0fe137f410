package com.acme.governance.local.bench;

import com.acme.governance.local.mongo.DurableH2Backend;
import com.acme.governance.local.mongo.EmbeddedServer;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: what a read model's unjournaled updates cost the embedded store one by one (8 client threads, as the
 * read side applies a poll's aggregates) against the same updates sent as ordered bulk writes of a poll's size.
 * Each update is the read side's own, conditional on the document's event count; the rounds alternate. It asserts
 * nothing; run it as the README's "Benchmarks" says.
 */
class StoreBulkWriteBenchmark {

    private static final int ROUNDS = 5;
    private static final int DOCUMENTS = 10_000;
    private static final int UPDATES_PER_ROUND = 4_000;
    private static final int THREADS = 8;
    private static final int BATCH = 200;

    @Test
    void bulkWriteCost() throws Exception {
        Path dir = Files.createTempDirectory("bulk-bench");
        try (EmbeddedServer store = new EmbeddedServer(
                DurableH2Backend.open(dir.resolve("bench.mv"), true, DurableH2Backend.H2_KEYS_PER_PAGE), 16)) {
            MongoClient client = store.client();
            MongoCollection<Document> models = client.getDatabase("bench").getCollection("read_models")
                    .withWriteConcern(WriteConcern.W1.withJournal(false));
            models.createIndex(new Document("_id", 1).append("version", 1),
                    new com.mongodb.client.model.IndexOptions().unique(true));
            List<Document> initial = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                initial.add(new Document("_id", "sales.p" + i).append("version", 0L).append("owner", "sales")
                        .append("description", "x".repeat(600)));
            }
            models.insertMany(initial);
            long[] versions = new long[DOCUMENTS];
            List<Double> single = new ArrayList<>();
            List<Double> bulk = new ArrayList<>();
            one(models, versions, 500);
            bulk(models, versions, 500);
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                one(models, versions, UPDATES_PER_ROUND);
                single.add(UPDATES_PER_ROUND / ((System.nanoTime() - start) / 1e9));
                start = System.nanoTime();
                bulk(models, versions, UPDATES_PER_ROUND);
                bulk.add(UPDATES_PER_ROUND / ((System.nanoTime() - start) / 1e9));
            }
            System.out.printf("%n| updates | per second (median of %d) |%n| --- | --- |%n", ROUNDS);
            System.out.printf("| updateOne, %d threads | %.0f |%n", THREADS, median(single));
            System.out.printf("| bulkWrite of %d, ordered, 1 thread | %.0f |%n", BATCH, median(bulk));
        }
    }

    private static double median(List<Double> rates) {
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void one(MongoCollection<Document> models, long[] versions, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    int id = (i * 7919) % DOCUMENTS;
                    long version;
                    synchronized (versions) {
                        version = versions[id]++;
                    }
                    models.updateOne(new Document("_id", "sales.p" + id).append("version", version),
                            Updates.combine(Updates.set("title", "t" + i), Updates.set("version", version + 1)));
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    private static void bulk(MongoCollection<Document> models, long[] versions, int total) {
        List<WriteModel<Document>> batch = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            int id = (i * 7919) % DOCUMENTS;
            long version = versions[id]++;
            batch.add(new UpdateOneModel<>(new Document("_id", "sales.p" + id).append("version", version),
                    Updates.combine(Updates.set("title", "t" + i), Updates.set("version", version + 1))));
            if (batch.size() == BATCH || i == total - 1) {
                models.bulkWrite(batch, new BulkWriteOptions().ordered(true));
                batch.clear();
            }
        }
    }
}
