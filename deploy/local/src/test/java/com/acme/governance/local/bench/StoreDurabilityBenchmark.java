package com.acme.governance.local.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.acme.governance.local.FreePort;
import com.acme.governance.local.mongo.DurableH2Backend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Not a test: what durable acknowledgement costs on the embedded store (ADR 0012). Inserts of ~1 KiB event-like
 * documents through the real driver over TCP, 1 and 8 client threads, into the stock H2 backend (acknowledged before
 * it is on disk), the durable backend without fsync (survives kill -9) and with fsync (the default; survives a power
 * loss too). Median of 3 rounds each, all in one run. It asserts nothing; run it as the README's "Benchmarks" says.
 */
class StoreDurabilityBenchmark {

    private static final int ROUNDS = 3;
    private static final int INSERTS_PER_ROUND = 4_000;
    private static final String PAYLOAD = "x".repeat(1024);

    @Test
    void durableAcknowledgementCost() throws Exception {
        Path dir = Files.createTempDirectory("store-bench");
        List<String> rows = new ArrayList<>();
        int variant = 0;
        for (String name : List.of("stock H2 (not durable)", "durable, commit only", "durable, commit + fsync")) {
            for (int threads : List.of(1, 8)) {
                Path file = dir.resolve("bench-" + variant++ + ".mv");
                Supplier<MongoBackend> backend = switch (name) {
                    case "stock H2 (not durable)" -> () -> new H2Backend(file.toString());
                    case "durable, commit only" -> () -> DurableH2Backend.open(file, false);
                    default -> () -> DurableH2Backend.open(file, true);
                };
                rows.add(measure(name, threads, backend.get()));
            }
        }
        System.out.println("\n| store | client threads | inserts/s (median of " + ROUNDS + ") | flushes per 1,000 inserts |");
        System.out.println("| --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }

    private static String measure(String name, int threads, MongoBackend backend) throws Exception {
        MongoServer server = new MongoServer(backend);
        int port = FreePort.find();
        server.bind(new java.net.InetSocketAddress("localhost", port), 1, 16);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> events = client.getDatabase("bench").getCollection("events");
            insert(events, threads, 500, "warm"); // warm-up
            long flushesBefore = backend instanceof DurableH2Backend durable ? durable.flushes() : 0;
            List<Double> rates = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                insert(events, threads, INSERTS_PER_ROUND, "r" + round);
                rates.add(INSERTS_PER_ROUND / ((System.nanoTime() - start) / 1e9));
            }
            Collections.sort(rates);
            String flushes = backend instanceof DurableH2Backend durable
                    ? String.format("%.0f", (durable.flushes() - flushesBefore) * 1000.0 / (ROUNDS * INSERTS_PER_ROUND))
                    : "n/a (about one a second)";
            return String.format("| %s | %d | %.0f | %s |", name, threads, rates.get(ROUNDS / 2), flushes);
        } finally {
            server.shutdownNow();
        }
    }

    private static void insert(MongoCollection<Document> events, int threads, int total, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    events.insertOne(new Document("_id", prefix + "-" + i).append("aggregateIdentifier", "sales.p" + i)
                            .append("sequenceNumber", 0L).append("payload", PAYLOAD));
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }
}
