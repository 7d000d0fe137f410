package com.acme.governance.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the query side. Modules ship no application.yml, so every default lives here.
 *
 * @param mongoDatabase       database holding the read models and projection positions
 * @param consumerGroup       Kafka consumer group shared by every query instance
 * @param consumerConcurrency listener threads per instance (at most one per partition is useful)
 * @param consumerAutoStartup whether the Kafka listener starts with the application
 * @param consistencyTimeout  how long a read carrying {@code X-Governance-Token} waits for the projections
 */
@ConfigurationProperties("governance.query")
public record QueryProperties(
        @DefaultValue("governance_read") String mongoDatabase,
        @DefaultValue("governance-query") String consumerGroup,
        @DefaultValue("1") int consumerConcurrency,
        @DefaultValue("true") boolean consumerAutoStartup,
        @DefaultValue("5s") Duration consistencyTimeout) {
}
