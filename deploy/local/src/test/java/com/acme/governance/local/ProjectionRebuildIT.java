package com.acme.governance.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, item 6: a rebuild of every read model from offset 0 of the event topic, through the REST API as an
 * operator runs it, on a query process of its own ({@link QueryProcess}) whose live side has applied a synthetic
 * history first. The rebuild is killed with {@code kill -9} halfway: the store it leaves behind still has the old
 * generation live and unchanged. The restarted process resumes the rebuild and swaps; the rebuilt generation then
 * equals the live one it replaced, document by document, in every read-model collection (nothing ignored); reads
 * kept answering 200 throughout, and a consistency token issued before the swap still works after it.
 *
 * <p>Size: {@value #DEFAULT_EVENTS} events by default, so that CI stays fast; the 100,000 with
 * {@code -Dgovernance.rebuild-it.events=100000}.
 */
class ProjectionRebuildIT {

    private static final int DEFAULT_EVENTS = 4_000;
    private static final int EVENTS = Integer.getInteger("governance.rebuild-it.events", DEFAULT_EVENTS);
    /** About {@code EVENTS} events: four per product, and the requests and policies of some products. */
    private static final int PRODUCTS = (int) (EVENTS / (SyntheticHistory.events(1000) / 1000.0));
    private static final int PARTITIONS = 3;
    /** This machine applies a few hundred events a second when it is busy: the waits grow with the history. */
    private static final Duration PATIENCE = Duration.ofSeconds(Math.max(180, EVENTS / 40));
    private static final String GROUP = "governance-query";
    private static final String PROJECTIONS = "/api/v1/admin/projections";
    /** Not read models: they stay outside every generation. */
    private static final List<String> BOOKKEEPING = List.of(QueryStores.CONSUMER_POSITIONS, "parked_events",
            "projection_rebuilds", "read_model_generations");
    private static final List<String> SETTINGS = List.of(
            "--governance.query.rebuild.lease=3s",
            "--governance.query.rebuild.checkpoint=500ms",
            "--governance.query.rebuild.progress-log=2s",
            "--governance.query.rebuild.generation-cache=500ms");

    @TempDir
    Path dir;

    @Test
    void aRebuildKilledHalfwayChangesNothingLiveAndTheRestartedServiceFinishesItEqualDocumentByDocument()
            throws Exception {
        LocalKafkaBroker broker = new LocalKafkaBroker(dir.resolve("kafka"), FreePort.find());
        broker.start();
        List<QueryProcess> processes = new ArrayList<>();
        Readers readers = null;
        try {
            long onKafka = SyntheticHistory.publish(broker.bootstrapServers(), PARTITIONS, PRODUCTS);
            Path store = dir.resolve("query.mv");
            int mongoPort = FreePort.find();
            int httpPort = FreePort.find();
            QueryProcess node = start(processes, "node-1", broker, store, mongoPort, httpPort);
            long liveStarted = System.nanoTime();
            QueryStores.awaitCaughtUp(node, broker.bootstrapServers(), GROUP, PARTITIONS, PATIENCE);
            System.out.printf("[rebuild] the live side applied %d events in %d s%n", onKafka,
                    (System.nanoTime() - liveStarted) / 1_000_000_000);
            Api api = new Api(httpPort);
            awaitServing(api, node);
            String product = SyntheticHistory.productId(PRODUCTS / 2);
            String token = product + ":" + (SyntheticHistory.EVENTS_PER_PRODUCT - 1);
            assertThat(api.as("alice").get("/api/v1/data-products/" + product, Api.TOKEN, token).status())
                    .isEqualTo(200);
            long liveBefore = QueryStores.withStoreOf(node, database -> fingerprint(database, 0));

            assertThat(api.as("alice").post(PROJECTIONS + "/rebuild", "").status()).isEqualTo(403);
            readers = new Readers(api);
            long requested = System.nanoTime();
            Api.Response accepted = api.as("admin").post(PROJECTIONS + "/rebuild", "");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.header("Location")).hasValue(PROJECTIONS);
            Api.Response second = api.as("admin").post(PROJECTIONS + "/rebuild", "");
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.json().path("type").asText()).endsWith("/rebuild-in-progress");

            JsonNode halfway = awaitRebuild(api, node, rebuild -> rebuild.path("eventsDone").asLong() >= onKafka / 2);
            assertThat(halfway.path("status").asText()).isEqualTo("RUNNING");
            System.out.printf("[rebuild] halfway: %s%n", halfway);
            readers.pause();
            node.kill();

            // What the killed rebuild left in the store: the old generation live, and exactly as it was.
            assertThat(QueryStores.withStore(store, database -> liveGeneration(database))).isZero();
            assertThat(QueryStores.withStore(store, database -> fingerprint(database, 0))).isEqualTo(liveBefore);

            long restarted = System.nanoTime();
            node = start(processes, "node-2", broker, store, mongoPort, httpPort);
            awaitServing(api, node);
            readers.resume();
            JsonNode completed = awaitRebuild(api, node, rebuild -> rebuild.path("status").asText().equals("COMPLETED"));
            readers.stop();
            System.out.printf("[rebuild] completed %d s after the restart, %d s after the request: %s%n",
                    (System.nanoTime() - restarted) / 1_000_000_000, (System.nanoTime() - requested) / 1_000_000_000,
                    completed);
            assertThat(completed.path("resumes").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(completed.path("eventsDone").asLong()).isGreaterThanOrEqualTo(onKafka);
            JsonNode projections = api.as("admin").get(PROJECTIONS).json();
            assertThat(projections.path("liveGeneration").asLong()).isEqualTo(1);
            assertThat(projections.path("previousGeneration").asLong()).isZero();

            System.out.printf("[rebuild] reads during the rebuild: %s%n", readers.statuses);
            assertThat(readers.statuses).containsOnlyKeys(200);
            assertThat(readers.statuses.get(200).get()).isPositive();
            assertThat(api.as("alice").get("/api/v1/data-products/" + product, Api.TOKEN, token).status())
                    .as("the token issued before the swap").isEqualTo(200);

            // Compared in the store file with the service stopped: its file store reuses the pages of old versions
            // as it commits, which a cursor held open through thousands of documents would otherwise read.
            node.stop();
            QueryStores.withStore(store, database -> {
                assertRebuiltEqualsReplaced(database, onKafka);
                return 0;
            });
        } finally {
            if (readers != null) {
                readers.stop();
            }
            for (QueryProcess process : processes) {
                if (process.isAlive()) {
                    process.stop();
                }
            }
            broker.stop();
        }
    }

    private QueryProcess start(List<QueryProcess> processes, String name, LocalKafkaBroker broker, Path store,
                               int mongoPort, int httpPort) throws Exception {
        QueryProcess node = QueryProcess.start(dir, name, broker.bootstrapServers(), "h2:" + store, mongoPort, GROUP,
                QueryStores.DATABASE, httpPort, SETTINGS);
        processes.add(node);
        return node;
    }

    private static void awaitServing(Api api, QueryProcess node) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!node.isAlive()) {
                throw new AssertionError("the query process died\n" + node.logTail());
            }
            try {
                return api.as("admin").get(PROJECTIONS).status() == 200;
            } catch (UncheckedIOException notUpYet) {
                return false;
            }
        });
    }

    private static JsonNode awaitRebuild(Api api, QueryProcess node, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] rebuild = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!node.isAlive()) {
                throw new AssertionError("the query process died\n" + node.logTail());
            }
            rebuild[0] = api.as("admin").get(PROJECTIONS).json().path("rebuild");
            assertThat(rebuild[0].path("status").asText()).as(rebuild[0].toString()).isNotEqualTo("FAILED");
            return condition.test(rebuild[0]);
        });
        return rebuild[0];
    }

    private static long liveGeneration(MongoDatabase database) {
        Document live = database.getCollection("read_model_generations").find(new Document("_id", "live")).first();
        return live == null ? 0 : live.get("generation", Number.class).longValue();
    }

    /** Every document of every read-model collection of a generation, in order, folded into one number. */
    private static long fingerprint(MongoDatabase database, long generation) {
        long fingerprint = 17;
        for (String name : readModels(database)) {
            String physical = generation == 0 ? name : name + "_g" + generation;
            // in batches: the embedded server answers an unbounded find in one reply, over the driver's limit at 100k
            for (Document document : database.getCollection(physical).find().sort(Sorts.ascending("_id"))
                    .batchSize(1000)) {
                fingerprint = fingerprint * 31 + document.toJson().hashCode();
            }
        }
        return fingerprint;
    }

    /** The plain names of the read-model collections: generation 0, which the rebuild replaced. */
    private static TreeSet<String> readModels(MongoDatabase database) {
        TreeSet<String> names = new TreeSet<>();
        database.listCollectionNames().into(names);
        names.removeIf(name -> BOOKKEEPING.contains(name) || name.matches(".*_g\\d+"));
        return names;
    }

    private static void assertRebuiltEqualsReplaced(MongoDatabase database, long onKafka) {
        TreeSet<String> names = readModels(database);
        assertThat(names).contains("data_products", "policies", "policy_versions", "access_requests", "access_grants",
                "audit_events", "projection_positions");
        assertThat(database.getCollection("audit_events_g1").countDocuments()).isEqualTo(onKafka);
        for (String name : names) {
            long compared = QueryStores.assertSameDocuments(database.getCollection(name + "_g1"),
                    database.getCollection(name), name);
            assertThat(compared).as("documents in %s", name).isPositive();
            System.out.printf("[rebuild] %s: %d documents rebuilt, equal to the generation they replaced%n", name,
                    compared);
        }
    }

    /** Readers of the REST API while the rebuild runs, as the service's clients: the count of each status seen. */
    private static final class Readers {

        private static final Duration PACE = Duration.ofMillis(20);
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        private final AtomicBoolean reading = new AtomicBoolean(true);
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Thread thread;

        Readers(Api api) {
            thread = new Thread(() -> {
                while (!stopped.get()) {
                    if (reading.get()) {
                        String product = SyntheticHistory.productId(ThreadLocalRandom.current().nextInt(PRODUCTS));
                        try {
                            int status = api.as("bob").get("/api/v1/data-products/" + product).status();
                            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        } catch (UncheckedIOException e) {
                            if (reading.get()) {
                                statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                            }
                        }
                    }
                    LockSupport.parkNanos(PACE.toNanos()); // a steady trickle of reads, not a load test
                }
            }, "rebuild-it-readers");
            thread.setDaemon(true);
            thread.start();
        }

        /** Before the kill: what fails while the process is down is no answer of the service. */
        void pause() {
            reading.set(false);
        }

        void resume() {
            reading.set(true);
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            thread.join(10_000);
        }

        @Override
        public String toString() {
            return new TreeMap<>(statuses).toString();
        }
    }
}
