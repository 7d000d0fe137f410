package com.acme.governance.local.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The durable backend's unique indexes live in memory and are rebuilt from the documents when the store opens
 * (ADR 0041): they refuse a duplicate and find a document by its key as the stock backend's do, after a reopen too,
 * and a data directory written by the stock backend opens without its stale index maps.
 */
class InMemoryUniqueIndexTest {

    private static final String NAMESPACE = "governance_events.domainevents";

    @TempDir
    private Path dir;

    @Test
    void aDuplicateIsRefusedBeforeAndAfterTheStoreIsOpenedAgain() {
        try (EmbeddedServer server = durable()) {
            server.events().createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                    new IndexOptions().unique(true));
            server.events().insertOne(event("e1", "a", 0));
            server.events().insertOne(event("e2", "a", 1));
            assertDuplicate(server, event("e3", "a", 1));
            assertDuplicate(server, event("e1", "b", 0));
        }
        try (EmbeddedServer reopened = durable()) {
            assertDuplicate(reopened, event("e3", "a", 1));
            assertDuplicate(reopened, event("e2", "b", 0));
            reopened.events().insertOne(event("e3", "a", 2));
            assertThat(reopened.events().countDocuments()).isEqualTo(3);
            // an update conditional on both keys of the unique index, as the read models' are
            assertThat(reopened.events().updateOne(new Document("aggregateIdentifier", "a").append("sequenceNumber", 2L),
                    Updates.set("sequenceNumber", 3L)).getMatchedCount()).isEqualTo(1);
            reopened.events().insertOne(event("e4", "a", 2)); // the key the update freed
            assertDuplicate(reopened, event("e5", "a", 3));
        }
    }

    @Test
    void aDeletedDocumentsKeysAreFreeAgain() {
        try (EmbeddedServer server = durable()) {
            server.events().insertOne(event("e1", "a", 0));
            server.events().deleteOne(Filters.eq("_id", "e1"));
            server.events().insertOne(event("e1", "a", 0));
            assertThat(server.events().find(Filters.eq("_id", "e1")).first()).isNotNull();
        }
    }

    @Test
    void aStoreWrittenByTheStockBackendOpensWithoutItsIndexMaps() {
        Path file = dir.resolve("store.mv");
        try (EmbeddedServer stock = new EmbeddedServer(new H2Backend(file.toString()))) {
            stock.events().createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                    new IndexOptions().unique(true));
            stock.events().insertOne(event("e1", "a", 0));
        }
        assertThat(indexMaps(file)).isNotEmpty();
        try (EmbeddedServer durable = durable()) {
            assertDuplicate(durable, event("e2", "a", 0));
            assertDuplicate(durable, event("e1", "b", 0));
            durable.events().insertOne(event("e2", "a", 1));
        }
        assertThat(indexMaps(file)).isEmpty();
        // the stock backend, opened again on it, fills its indexes from the documents instead of trusting stale maps
        try (EmbeddedServer stock = new EmbeddedServer(new H2Backend(file.toString()))) {
            assertThatThrownBy(() -> stock.events().insertOne(event("e3", "a", 1)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(
                            ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }
    }

    private static java.util.List<String> indexMaps(Path file) {
        MVStore store = MVStore.open(file.toString());
        try {
            return store.getMapNames().stream().filter(name -> name.startsWith(NAMESPACE + "._index_"))
                    .toList();
        } finally {
            store.close();
        }
    }

    private static void assertDuplicate(EmbeddedServer server, Document event) {
        assertThatThrownBy(() -> server.events().insertOne(event))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(
                        ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static Document event(String id, String aggregate, long sequence) {
        return new Document("_id", id).append("aggregateIdentifier", aggregate).append("sequenceNumber", sequence);
    }

    private EmbeddedServer durable() {
        return new EmbeddedServer(DurableH2Backend.open(dir.resolve("store.mv"), false));
    }
}
