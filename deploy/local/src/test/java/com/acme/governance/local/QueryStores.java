package com.acme.governance.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the tests of a {@link QueryProcess} ask its store and the broker. */
final class QueryStores {

    static final String DATABASE = "governance_read";
    static final String CONSUMER_POSITIONS = "consumer_positions";
    static final Duration CATCH_UP = Duration.ofMinutes(3);

    private QueryStores() {
    }

    /** Waits until the group's positions stored with the read models are at the end of every partition. */
    static void awaitCaughtUp(QueryProcess node, String bootstrapServers, String group, int partitions)
            throws Exception {
        awaitCaughtUp(node, bootstrapServers, group, partitions, CATCH_UP);
    }

    static void awaitCaughtUp(QueryProcess node, String bootstrapServers, String group, int partitions,
                              Duration patience) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(bootstrapServers, partitions);
        try (MongoClient client = MongoClients.create(node.mongoUri())) {
            await().atMost(patience).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!node.isAlive()) {
                    throw new AssertionError("the query process died\n" + node.logTail());
                }
                try {
                    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                        Document position = client.getDatabase(DATABASE).getCollection(CONSUMER_POSITIONS)
                                .find(new Document("_id", group + "/" + end.getKey().topic() + "/"
                                        + end.getKey().partition())).first();
                        if (position == null || position.get("offset", Number.class).longValue() < end.getValue()) {
                            return false;
                        }
                    }
                    return true;
                } catch (RuntimeException notUpYet) {
                    return false;
                }
            });
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("the query process (group " + group + ") did not catch up with " + ends + "\n"
                    + node.logTail(), e);
        }
    }

    static Map<TopicPartition, Long> endOffsets(String bootstrapServers, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(EventRecords.TOPIC, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }

    /** Opens a dead process's store file the way it will be opened again, and asks it one thing. */
    static long withStore(Path store, ToLongFunction<MongoDatabase> query) {
        MongoServer server = new MongoServer(new H2Backend(store.toString()));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            return query.applyAsLong(client.getDatabase(DATABASE));
        } finally {
            server.shutdown();
        }
    }

    /** Asks a running process's store one thing. */
    static long withStoreOf(QueryProcess node, ToLongFunction<MongoDatabase> query) {
        try (MongoClient client = MongoClients.create(node.mongoUri())) {
            return query.applyAsLong(client.getDatabase(DATABASE));
        }
    }

    /**
     * Asserts that two collections hold the same documents, compared one by one in {@code _id} order as they stream
     * (a collection of 100,000 documents is never held in memory); returns how many.
     */
    static long assertSameDocuments(MongoCollection<Document> actual, MongoCollection<Document> expected,
                                    String name) {
        long compared = 0;
        try (MongoCursor<Document> left = actual.find().sort(Sorts.ascending("_id")).batchSize(1000).iterator();
             MongoCursor<Document> right = expected.find().sort(Sorts.ascending("_id")).batchSize(1000).iterator()) {
            while (left.hasNext() && right.hasNext()) {
                Document expectedDocument = right.next();
                assertThat(left.next()).as("collection %s, document %s", name, expectedDocument.get("_id"))
                        .isEqualTo(expectedDocument);
                compared++;
            }
            assertThat(left.hasNext()).as("collection %s has more documents than expected", name).isFalse();
            assertThat(right.hasNext()).as("collection %s lacks documents", name).isFalse();
        }
        return compared;
    }
}
