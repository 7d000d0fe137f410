package com.acme.governance.query.audit.verify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the query side reads the event store itself, the system of record, to verify it (adr/0024). Modules ship no
 * application.yml, so every default lives here.
 *
 * @param uri              the event store's MongoDB connection string; empty (the default) means the query side's own
 *                         connection ({@code spring.data.mongodb.uri}). In production: a user holding MongoDB's
 *                         {@code read} role on {@link #database} only
 * @param database         the command side's event store database ({@code governance.command.mongo-database})
 * @param batchSize        events fetched per round trip while verifying: what a verification holds in memory
 * @param progressInterval how often a verification logs how far it got
 * @param concurrentVerifications how many verifications one instance runs at once: each reads the whole store, so
 *                         more callers get 503 with {@code Retry-After} rather than share the database between them
 */
@ConfigurationProperties("governance.query.event-store")
public record EventStoreProperties(
        @DefaultValue("") String uri,
        @DefaultValue("governance_events") String database,
        @DefaultValue("500") int batchSize,
        @DefaultValue("5s") Duration progressInterval,
        @DefaultValue("1") int concurrentVerifications) {

    public EventStoreProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("governance.query.event-store.batch-size must be at least 1");
        }
        if (concurrentVerifications < 1) {
            throw new IllegalArgumentException(
                    "governance.query.event-store.concurrent-verifications must be at least 1");
        }
    }
}
