package com.acme.governance.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.governance.query.support.InMemoryMongo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read models and their positions are derived, so they are written without waiting for the journal (ADR 0038, ADR
 * 0039); the read models are read as the newest data, the positions that readers trust only once durable, and the
 * partition's position written after each poll, which vouches for them all, keeps the durability the service is
 * configured with, in every generation.
 */
class ReadModelDurabilityTest {

    private static final WriteConcern CONFIGURED = WriteConcern.MAJORITY.withJournal(true);

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
    void readModelsAndPositionsAreWrittenUnjournaledPositionsReadDurablyAndThePartitionPositionKeepsTheConfiguredDurability() {
        MongoDatabase configured = mongo.client().getDatabase("durability")
                .withWriteConcern(CONFIGURED).withReadConcern(ReadConcern.MAJORITY);
        ReadModelDatabase database = new ReadModelDatabase(configured, new ObjectMapper());

        for (long generation : new long[] {0, 4}) {
            database.generations().pinned(generation, () -> {
                var products = database.collection("data_products", Document.class);
                assertThat(products.getWriteConcern()).isEqualTo(WriteConcern.W1.withJournal(false));
                assertThat(products.getReadConcern()).isEqualTo(ReadConcern.LOCAL);

                var positions = database.projectionPositions();
                assertThat(positions.getWriteConcern()).isEqualTo(WriteConcern.W1.withJournal(false));
                assertThat(positions.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
                assertThat(database.consumerPositions().getWriteConcern()).isEqualTo(CONFIGURED);
                assertThat(database.consumerPositions().getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
            });
        }
    }
}
