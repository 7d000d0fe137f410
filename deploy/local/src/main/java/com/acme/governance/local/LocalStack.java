package com.acme.governance.local;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The infrastructure the two services need, embedded: one Kafka broker and one MongoDB-wire server, started
 * together and stopped together, and the connection properties that point Spring at them.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final LocalKafkaBroker broker;
    private final LocalMongo mongo;

    public LocalStack(LocalStackProperties properties) {
        this(properties.kafkaTeamsPort() > 0
                        ? new LocalKafkaBroker(properties.kafkaLogDir(), properties.kafkaPort(), properties.kafkaTeamsPort())
                        : new LocalKafkaBroker(properties.kafkaLogDir(), properties.kafkaPort()),
                new LocalMongo(properties.mongoFile(), properties.mongoPort()));
    }

    public LocalStack(LocalKafkaBroker broker, LocalMongo mongo) {
        this.broker = broker;
        this.mongo = mongo;
    }

    /** Starts MongoDB, then Kafka; if Kafka fails, MongoDB is stopped again so nothing is left holding a port. */
    public synchronized void start() {
        mongo.start();
        try {
            broker.start();
        } catch (RuntimeException e) {
            mongo.stop();
            throw e;
        }
    }

    /** Idempotent, and safe to call from a shutdown hook and from the main thread at the same time. */
    public synchronized void stop() {
        try {
            broker.stop();
        } catch (RuntimeException e) {
            log.warn("Kafka broker did not stop cleanly", e);
        }
        mongo.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** The Spring Boot properties that connect both services to this stack. */
    public Map<String, Object> connectionProperties() {
        return Map.of(
                "spring.kafka.bootstrap-servers", broker.bootstrapServers(),
                "spring.data.mongodb.uri", mongo.connectionString());
    }

    public LocalKafkaBroker broker() {
        return broker;
    }

    public LocalMongo mongo() {
        return mongo;
    }
}
