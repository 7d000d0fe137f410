package com.acme.governance.local;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the local stack keeps its data and which ports its Kafka broker and MongoDB-wire server use.
 * Bound from {@code governance.local.*}, so application.yml, environment variables
 * ({@code GOVERNANCE_LOCAL_DATA_DIR}, {@code GOVERNANCE_LOCAL_KAFKA_PORT}, {@code GOVERNANCE_LOCAL_KAFKA_TEAMS_PORT},
 * {@code GOVERNANCE_LOCAL_MONGO_PORT})
 * and command-line arguments ({@code --governance.local.kafka-port=19092}) all set them.
 *
 * @param dataDir the broker log goes to {@code <dataDir>/kafka}, the MongoDB store to {@code <dataDir>/mongo.mv}, the
 *                audit signing key to {@code <dataDir>/keys}
 * @param kafkaPort the broker's client port on localhost
 * @param kafkaTeamsPort the broker's second listener, where the demo teams log in with SASL/PLAIN and are held to the
 *                       ACLs their grants create (adr/0033); 0 for none
 * @param mongoPort the MongoDB-wire server's port on localhost
 * @param embedded  {@code false}: no embedded broker or server is started, and the services use the Kafka and MongoDB
 *                  that {@code spring.kafka.bootstrap-servers} and {@code spring.data.mongodb.uri} name (the
 *                  benchmark harness's run against real clusters, adr/0045); the audit key pair still comes from the
 *                  data directory
 */
@ConfigurationProperties("governance.local")
public record LocalStackProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("9092") int kafkaPort,
        @DefaultValue("9093") int kafkaTeamsPort,
        @DefaultValue("27017") int mongoPort,
        @DefaultValue("true") boolean embedded) {

    public Path kafkaLogDir() {
        return dataDir.resolve("kafka");
    }

    public Path mongoFile() {
        return dataDir.resolve("mongo.mv");
    }

    public Path keysDir() {
        return dataDir.resolve("keys");
    }
}
