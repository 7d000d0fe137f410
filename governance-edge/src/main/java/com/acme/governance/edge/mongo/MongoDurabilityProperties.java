package com.acme.governance.edge.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a service's MongoDB writes are acknowledged and how long it waits for the database (ADR 0012).
 *
 * @param writeConcern           {@code majority} (the default: a write is acknowledged once a majority of the replica set
 *                               has it, so a failover cannot roll it back) or a number of members
 * @param journal                acknowledged only once in the on-disk journal of those members
 * @param readConcern            {@code majority} (the default): a read sees only what a majority has, so nothing read
 *                               (the relay's tracking above all) can be rolled back by a failover afterwards
 * @param serverSelectionTimeout how long an operation waits for a reachable server before failing: short, so that
 *                               a command fails fast with 503 while the database is away instead of hanging
 * @param connectTimeout         TCP connect timeout
 * @param readTimeout            how long one operation may wait for the server's answer
 */
@ConfigurationProperties("governance.mongo")
public record MongoDurabilityProperties(@DefaultValue("majority") String writeConcern,
                                        @DefaultValue("true") boolean journal,
                                        @DefaultValue("majority") String readConcern,
                                        @DefaultValue("3s") Duration serverSelectionTimeout,
                                        @DefaultValue("2s") Duration connectTimeout,
                                        @DefaultValue("15s") Duration readTimeout) {
}
