package com.acme.governance.query.config;

import com.acme.governance.query.support.InMemoryMongo;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Collections that follow the generation of the calling thread, and the one write that swaps the live one. */
class ReadModelGenerationsTest {

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
    void aCollectionHandedOutOnceReadsAndWritesTheGenerationOfEachOperation() {
        ReadModelDatabase database = mongo.freshDatabase();
        ReadModelGenerations generations = database.generations();
        MongoCollection<Document> products = database.collection("data_products", Document.class);

        products.insertOne(new Document("_id", "live.one"));
        generations.pinned(3, () -> products.withDocumentClass(Document.class).insertOne(new Document("_id", "new.one")));

        assertThat(generations.live()).isZero();
        assertThat(products.find().into(new ArrayList<>())).extracting(d -> d.get("_id")).containsExactly("live.one");
        assertThat(generations.pinned(3, () -> products.countDocuments(Filters.eq("_id", "new.one")))).isEqualTo(1);
        assertThat(database.generationalCollections()).contains("data_products", "projection_positions");
        assertThat(ReadModelGenerations.physicalName("data_products", 3)).isEqualTo("data_products_g3");

        assertThat(generations.swap(0, 3)).isTrue();

        assertThat(generations.live()).isEqualTo(3);
        assertThat(products.find().into(new ArrayList<>())).extracting(d -> d.get("_id")).containsExactly("new.one");
        assertThat(generations.liveDocument().get("previous", Number.class).longValue()).isZero();
    }

    @Test
    void onlyTheLiveGenerationCanBeSwappedOutAndTheLiveOneIsNeverDropped() {
        ReadModelDatabase database = mongo.freshDatabase();
        ReadModelGenerations generations = database.generations();

        assertThat(generations.swap(0, 1)).isTrue();
        assertThat(generations.swap(0, 2)).as("a second swap from the same generation").isFalse();

        assertThat(generations.liveNow()).isEqualTo(1);
        assertThatThrownBy(() -> database.dropGeneration(1)).isInstanceOf(IllegalStateException.class);
    }
}
