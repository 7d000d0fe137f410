package com.acme.governance.local.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable backend gives what a command asks for in MongoDB's terms (ADR 0038), and the safe answer when it asks
 * nothing: a write is on disk before its answer unless it says {@code j: false}; a read shows nothing that is not on
 * disk unless its read concern is {@code local}. What a crash keeps is read from a copy of the store's file taken
 * at that instant, as a {@code kill -9} would leave it (nothing writes the store but the flushes).
 */
class DurableH2BackendConcernsTest {

    private static final WriteConcern UNJOURNALED = WriteConcern.W1.withJournal(false);

    @TempDir
    private Path dir;

    @Test
    void aWriteWithoutJournalIsAnsweredBeforeAnyFlushAndIsLostIfNothingDurableFollows() throws Exception {
        try (Store store = Store.open(dir.resolve("store.mv"))) {
            store.models().insertOne(new Document("_id", "durable"));
            long flushes = store.backend().flushes();

            store.models().withWriteConcern(UNJOURNALED).insertOne(new Document("_id", "unjournaled"));

            assertThat(store.backend().flushes()).isEqualTo(flushes);
            assertThat(store.crashCopy(dir.resolve("crash.mv"))).containsExactly("durable");
        }
    }

    @Test
    void aLaterDurableWriteMakesTheUnjournaledWritesBeforeItDurable() throws Exception {
        try (Store store = Store.open(dir.resolve("store.mv"))) {
            MongoCollection<Document> unjournaled = store.models().withWriteConcern(UNJOURNALED);
            unjournaled.insertOne(new Document("_id", "model-1"));
            unjournaled.insertOne(new Document("_id", "model-2"));

            store.positions().insertOne(new Document("_id", "position"));

            assertThat(store.crashCopy(dir.resolve("crash.mv"))).containsExactly("model-1", "model-2");
        }
    }

    /**
     * H2 stores by itself, in the writing thread, once its write buffer (19 MB by default) holds that much unsaved:
     * that would capture a command half done, which the commit lock exists to prevent.
     */
    @Test
    void nothingIsStoredWithinAWriteEvenBeyondH2sWriteBuffer() throws Exception {
        try (Store store = Store.open(dir.resolve("store.mv"))) {
            store.models().insertOne(new Document("_id", "durable"));
            String padding = "x".repeat(128 * 1024);
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 200; i++) { // 25 MB
                batch.add(new Document("_id", "batch-" + i).append("padding", padding));
            }

            store.models().withWriteConcern(UNJOURNALED).insertMany(batch);

            assertThat(store.crashCopy(dir.resolve("crash.mv"))).containsExactly("durable");
        }
    }

    @Test
    void aLocalReadSeesAnUnflushedWriteWithoutWaitingForItsFlush() {
        try (Store store = Store.open(dir.resolve("store.mv"))) {
            store.models().withWriteConcern(UNJOURNALED).insertOne(new Document("_id", "unjournaled"));
            long flushes = store.backend().flushes();

            Document seen = store.models().withReadConcern(ReadConcern.LOCAL).find(Filters.eq("_id", "unjournaled"))
                    .first();

            assertThat(seen).isNotNull();
            assertThat(store.backend().flushes()).isEqualTo(flushes);
        }
    }

    @Test
    void aReadThatAsksNothingOrAMajorityWaitsUntilWhatItSawIsOnDisk() {
        try (Store store = Store.open(dir.resolve("store.mv"))) {
            store.models().withWriteConcern(UNJOURNALED).insertOne(new Document("_id", "first"));
            long flushes = store.backend().flushes();

            assertThat(store.models().find(Filters.eq("_id", "first")).first()).isNotNull();
            assertThat(store.backend().flushes()).isEqualTo(flushes + 1);

            store.models().withWriteConcern(UNJOURNALED).insertOne(new Document("_id", "second"));
            assertThat(store.models().withReadConcern(ReadConcern.MAJORITY).find(Filters.eq("_id", "second")).first())
                    .isNotNull();
            assertThat(store.backend().flushes()).isEqualTo(flushes + 2);
        }
    }

    private record Store(Path file, DurableH2Backend backend, MongoServer server, MongoClient client)
            implements AutoCloseable {

        static Store open(Path file) {
            DurableH2Backend backend = DurableH2Backend.open(file, false);
            MongoServer server = new MongoServer(backend);
            InetSocketAddress address = server.bind();
            return new Store(file, backend, server, MongoClients.create("mongodb://localhost:" + address.getPort()));
        }

        MongoCollection<Document> models() {
            return client.getDatabase("read_models").getCollection("data_products");
        }

        MongoCollection<Document> positions() {
            return client.getDatabase("read_models").getCollection("projection_positions");
        }

        /** The ids of {@link #models()} in a store opened on a copy of this one's file as it is now. */
        List<String> crashCopy(Path copy) throws Exception {
            Files.copy(file, copy);
            try (Store crashed = open(copy)) {
                return crashed.models().find().map(document -> document.getString("_id")).into(new ArrayList<>());
            }
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
