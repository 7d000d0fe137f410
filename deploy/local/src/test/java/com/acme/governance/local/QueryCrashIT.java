package com.acme.governance.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7: the query side killed mid-batch and restarted gives read models equal to a clean rebuild, document by
 * document. The query side runs as its own JVM ({@link QueryNode}) with a store that loses its last writes on a
 * crash, like the embedded default did and like a MongoDB acknowledging before its journal: it is killed with
 * {@code kill -9} twice while it applies a load, restarted on the same store each time, and once it has caught up
 * its every read-model collection is compared with a second query process that rebuilt everything from offset 0
 * into a fresh store, under a consumer group of its own.
 */
class QueryCrashIT {

    private static final int PRODUCTS = 1000;
    private static final int PARTITIONS = 3;
    private static final String GROUP = "governance-query";
    private static final String DATABASE = "governance_read";
    private static final String REBUILD_GROUP = "governance-query-rebuild";
    /** Not a read model: keyed by consumer group, so it differs by construction. */
    private static final String CONSUMER_POSITIONS = "consumer_positions";
    private static final Duration CATCH_UP = QueryStores.CATCH_UP;

    @TempDir
    Path dir;

    @Test
    void theQuerySideKilledMidBatchAndRestartedEqualsACleanRebuildDocumentByDocument() throws Exception {
        LocalKafkaBroker broker = new LocalKafkaBroker(dir.resolve("kafka"), FreePort.find());
        broker.start();
        List<QueryProcess> processes = new ArrayList<>();
        try {
            long onKafka = SyntheticHistory.publishProducts(broker.bootstrapServers(), PARTITIONS, PRODUCTS);
            Path store = dir.resolve("query.mv");
            int mongoPort = FreePort.find();
            QueryProcess node = QueryProcess.start(dir, "node-1", broker.bootstrapServers(), "h2:" + store, mongoPort,
                    GROUP, DATABASE);
            processes.add(node);
            long duplicates = 0;
            int generation = 1;
            for (double fraction : new double[]{0.25, 0.6}) {
                long seen = awaitApplied(node, (long) (onKafka * fraction));
                node.kill();
                duplicates += node.counts()[1];
                long survived = survivingCount(store);
                long committed = committedOnKafka(broker.bootstrapServers());
                long resume = storedPositions(store, "resume");
                long progress = storedPositions(store, "offset");
                System.out.printf("[query-crash] kill -9 #%d after %d of %d events applied; the store kept %d "
                                + "(lost at least %d); offsets summed over the partitions: progress the store kept %d, "
                                + "where it resumes %d, committed on Kafka %d%n",
                        generation, seen, onKafka, survived, Math.max(0, seen - survived), progress, resume, committed);
                generation++;
                node = QueryProcess.start(dir, "node-" + generation, broker.bootstrapServers(), "h2:" + store,
                        mongoPort, GROUP, DATABASE);
                processes.add(node);
            }
            QueryStores.awaitCaughtUp(node, broker.bootstrapServers(), GROUP, PARTITIONS);
            long[] lastCounts = awaitCountsOf(node);
            duplicates += lastCounts[1];

            QueryProcess rebuild = QueryProcess.start(dir, "rebuild", broker.bootstrapServers(), "memory",
                    FreePort.find(), REBUILD_GROUP, DATABASE);
            processes.add(rebuild);
            QueryStores.awaitCaughtUp(rebuild, broker.bootstrapServers(), REBUILD_GROUP, PARTITIONS);

            try (MongoClient restarted = MongoClients.create(node.mongoUri());
                 MongoClient clean = MongoClients.create(rebuild.mongoUri())) {
                MongoDatabase actual = restarted.getDatabase(DATABASE);
                MongoDatabase expected = clean.getDatabase(DATABASE);
                long applied = actual.getCollection("audit_events").countDocuments();
                System.out.printf("[query-crash] events on Kafka %d, applied in the read models %d (exactly once: "
                                + "audit_events holds one document per event), redelivered after the crashes and "
                                + "recognised as duplicates %d%n", onKafka, applied, duplicates);
                assertThat(applied).as("every event on Kafka applied").isEqualTo(onKafka);
                assertSameDocuments(actual, expected);
            }
        } finally {
            for (QueryProcess process : processes) {
                if (process.isAlive()) {
                    process.stop();
                }
            }
            broker.stop();
        }
    }

    /** Waits until the node's read models hold at least {@code atLeast} events; returns the last count seen. */
    private static long awaitApplied(QueryProcess node, long atLeast) {
        long[] seen = new long[1];
        try (MongoClient client = MongoClients.create(node.mongoUri())) {
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(20)).until(() -> {
                if (!node.isAlive()) {
                    throw new AssertionError("the query process died\n" + node.logTail());
                }
                try {
                    seen[0] = client.getDatabase(DATABASE).getCollection("audit_events").countDocuments();
                } catch (RuntimeException notUpYet) {
                    return false;
                }
                return seen[0] >= atLeast;
            });
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("the query process did not apply " + atLeast + " events\n" + node.logTail(), e);
        }
        return seen[0];
    }

    private static long[] awaitCountsOf(QueryProcess node) {
        await().atMost(Duration.ofSeconds(10)).until(() -> node.counts()[0] + node.counts()[1] > 0);
        long[] previous = node.counts();
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(300)).until(() -> {
            long[] now = node.counts();
            boolean stable = now[0] == previous[0] && now[1] == previous[1];
            previous[0] = now[0];
            previous[1] = now[1];
            return stable;
        });
        return previous;
    }

    private static void assertSameDocuments(MongoDatabase actual, MongoDatabase expected) {
        TreeSet<String> collections = new TreeSet<>();
        actual.listCollectionNames().into(collections);
        expected.listCollectionNames().into(collections);
        collections.remove(CONSUMER_POSITIONS);
        assertThat(collections).contains("data_products", "audit_events", "projection_positions");
        for (String name : collections) {
            long compared = QueryStores.assertSameDocuments(actual.getCollection(name), expected.getCollection(name), name);
            System.out.printf("[query-crash] %s: %d documents after the crashes, equal to the clean rebuild's%n", name,
                    compared);
        }
    }

    /** Opens the dead process's store file the way it will be opened again, and counts what it kept. */
    private static long survivingCount(Path store) {
        return QueryStores.withStore(store, database -> database.getCollection("audit_events").countDocuments());
    }

    private static long storedPositions(Path store, String field) {
        return QueryStores.withStore(store, database -> database.getCollection(CONSUMER_POSITIONS).find().into(new ArrayList<>())
                .stream().filter(position -> position.get(field) != null)
                .mapToLong(position -> position.get(field, Number.class).longValue()).sum());
    }

    private static long committedOnKafka(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            return committed.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        }
    }
}
