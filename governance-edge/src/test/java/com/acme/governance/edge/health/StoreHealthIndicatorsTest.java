package com.acme.governance.edge.health;

import com.acme.governance.edge.testing.EmbeddedMongo;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code mongo} and {@code kafka} contributors say DOWN when their store does not answer, within their
 * time-outs, and {@code mongo} UP when it does. (Kafka's UP, against a real broker, is asserted in ScaleOutIT.)
 */
class StoreHealthIndicatorsTest {

    @Test
    void mongoIsUpWhileItAnswersAndDownOnceItIsGone() {
        EmbeddedMongo mongo = EmbeddedMongo.start();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.connectionString()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS)).build())) {
            MongoHealthIndicator health = new MongoHealthIndicator(client);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            mongo.close();

            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void kafkaIsDownWhenNoBrokerAnswers() {
        KafkaHealthIndicator health = new KafkaHealthIndicator(new KafkaAdmin(Map.of("bootstrap.servers",
                "localhost:1")));
        try {
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            health.destroy();
        }
    }
}
