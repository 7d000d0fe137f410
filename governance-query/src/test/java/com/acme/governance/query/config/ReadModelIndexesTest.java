package com.acme.governance.query.config;

import com.acme.governance.query.support.InMemoryMongo;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadModelIndexesTest {

    private static InMemoryMongo mongo;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void aUniqueIndexReplacesTheNonUniqueOneAnEarlierVersionCreated() {
        MongoCollection<Document> events = mongo.freshDatabase().collection("audit_events", Document.class);
        events.createIndex(Indexes.ascending("aggregateId", "sequence"));

        ReadModelIndexes.createUnique(events, "aggregateId", "sequence");
        ReadModelIndexes.createUnique(events, "aggregateId", "sequence");

        Document index = indexNamed(events, "aggregateId_1_sequence_1");
        assertThat(index.get("unique")).isEqualTo(true);
        events.insertOne(new Document("_id", "e-1").append("aggregateId", "sales.orders").append("sequence", 0));
        assertThatThrownBy(() -> events.insertOne(new Document("_id", "e-2").append("aggregateId", "sales.orders")
                .append("sequence", 0))).isInstanceOf(MongoWriteException.class);
    }

    @Test
    void theExactFilterFindsByAllItsFields() {
        MongoCollection<Document> products = mongo.freshDatabase().collection("data_products", Document.class);
        ReadModelIndexes.createUnique(products, "_id", "version");
        products.insertOne(new Document("_id", "sales.orders").append("version", 2));

        assertThat(products.find(ReadModelIndexes.exactly("_id", "sales.orders", "version", 2)).first()).isNotNull();
        assertThat(products.find(ReadModelIndexes.exactly("_id", "sales.orders", "version", 1)).first()).isNull();
    }

    private static Document indexNamed(MongoCollection<Document> collection, String name) {
        List<Document> named = collection.listIndexes().into(new ArrayList<>()).stream()
                .filter(index -> name.equals(index.getString("name"))).toList();
        assertThat(named).hasSize(1);
        return named.get(0);
    }
}
