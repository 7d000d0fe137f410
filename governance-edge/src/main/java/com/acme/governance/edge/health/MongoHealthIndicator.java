package com.acme.governance.edge.health;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Whether MongoDB answers a {@code ping}, through the driver the services use (Boot's own indicator needs Spring Data
 * MongoDB, which neither service uses). Its time-outs are the client's (adr/0012): an unreachable store is DOWN within
 * the server selection time-out.
 */
public class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;

    public MongoHealthIndicator(MongoClient client) {
        super("MongoDB did not answer");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
        builder.up().withDetail("ok", answer.get("ok"));
    }
}
