package com.acme.governance.local.bench;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.governance.local.FreePort;
import com.acme.governance.local.mongo.DurableH2Backend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Not a test: what the page size of the embedded store costs a read model's updates. A durable commit rewrites every
 * page a command changed, and mongo-java-server serialises each page's documents anew, so an update of one read
 * model document in a collection of many costs the serialisation of its whole page. Upserts of ~1 KiB documents at
 * random into a collection of 10,000, 8 client threads through the driver, durable with fsync; median of 5 rounds
 * per page size, the rounds of all sizes interleaved in one run. It asserts nothing; run it as the README's "Benchmarks" says.
 */
class StorePageSizeBenchmark {

    private static final int ROUNDS = 5;
    private static final int DOCUMENTS = 10_000;
    private static final int UPSERTS_PER_ROUND = 3_000;
    private static final int THREADS = 8;
    private static final String PAYLOAD = "x".repeat(1024);

    @Test
    void pageSizeCost() throws Exception {
        Path dir = Files.createTempDirectory("page-bench");
        List<Store> stores = new ArrayList<>();
        try {
            for (int keysPerPage : List.of(DurableH2Backend.H2_KEYS_PER_PAGE, 24, 16, 8, 4)) {
                stores.add(Store.open(keysPerPage, dir.resolve("bench-" + keysPerPage + ".mv")));
            }
            // Rounds interleave the page sizes, so that the machine's drift (JIT, neighbours) spreads over all of them.
            for (int round = 0; round < ROUNDS; round++) {
                for (Store store : stores) {
                    store.round();
                }
            }
            System.out.println("\n| keys per page | upserts/s (median of " + ROUNDS + ", " + THREADS
                    + " threads) | flushes per 1,000 upserts | file after the run (MiB) |");
            System.out.println("| --- | --- | --- | --- |");
            for (Store store : stores) {
                System.out.println(store.row());
            }
        } finally {
            stores.forEach(Store::close);
        }
    }

    private record Store(int keysPerPage, Path file, DurableH2Backend backend, MongoServer server, MongoClient client,
                         MongoCollection<Document> models, List<Double> rates, long flushesBefore) {

        static Store open(int keysPerPage, Path file) throws Exception {
            DurableH2Backend backend = DurableH2Backend.open(file, true, keysPerPage);
            MongoServer server = new MongoServer(backend);
            int port = FreePort.find();
            server.bind(new InetSocketAddress("localhost", port), 1, 16);
            MongoClient client = MongoClients.create("mongodb://localhost:" + port);
            MongoCollection<Document> models = client.getDatabase("bench").getCollection("read_models");
            List<Document> initial = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                initial.add(document(i, 0));
            }
            models.insertMany(initial);
            upsert(models, 500); // warm-up
            return new Store(keysPerPage, file, backend, server, client, models, new ArrayList<>(), backend.flushes());
        }

        void round() throws Exception {
            long start = System.nanoTime();
            upsert(models, UPSERTS_PER_ROUND);
            rates.add(UPSERTS_PER_ROUND / ((System.nanoTime() - start) / 1e9));
        }

        String row() throws Exception {
            List<Double> sorted = new ArrayList<>(rates);
            Collections.sort(sorted);
            double flushes = (backend.flushes() - flushesBefore) * 1000.0 / (rates.size() * UPSERTS_PER_ROUND);
            return String.format("| %d | %.0f | %.0f | %.1f |", keysPerPage, sorted.get(sorted.size() / 2), flushes,
                    Files.size(file) / (1024.0 * 1024));
        }

        void close() {
            client.close();
            server.shutdownNow();
        }
    }

    private static Document document(int id, long version) {
        return new Document("_id", "sales.p" + id).append("version", version).append("owner", "sales")
                .append("description", PAYLOAD);
    }

    private static void upsert(MongoCollection<Document> models, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                while (done.getAndIncrement() < total) {
                    int id = ThreadLocalRandom.current().nextInt(DOCUMENTS);
                    models.replaceOne(Filters.eq("_id", "sales.p" + id), document(id, System.nanoTime()),
                            new ReplaceOptions().upsert(true));
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }
}
