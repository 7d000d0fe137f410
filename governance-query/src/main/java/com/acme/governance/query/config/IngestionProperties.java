package com.acme.governance.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the query side consumes the event topic. Modules ship no application.yml, so every default lives here.
 *
 * @param deadLetterTopic  where undecodable records and the events held behind them are parked; empty means
 *                         {@code <event topic>.dlt}
 * @param stallThreshold   how long one record may keep failing before its partition is reported stalled
 *                         (readiness DOWN, metric, one ERROR line); it is retried all the same, never skipped
 * @param positionLookup   how long an assignment waits for MongoDB to name a partition's stored position before it
 *                         falls back to the beginning of the partition (always safe: projections are idempotent)
 * @param resumeMargin     how far behind its progress a partition resumes after a restart or a rebalance, in time:
 *                         longer than the store may lose acknowledged writes on a crash (0 for a store whose
 *                         acknowledgements are durable, such as MongoDB with w=majority and journal); see
 *                         {@code ConsumerPositions}
 * @param parallelism      how many aggregates of one poll are applied at once, each aggregate's events in order: the
 *                         read models' writes each wait for a durable acknowledgement, so aggregates side by side share
 *                         the store's flushes instead of queueing for one each; 1 applies a poll one record at a time
 */
@ConfigurationProperties("governance.query.ingestion")
public record IngestionProperties(
        @DefaultValue("") String deadLetterTopic,
        @DefaultValue("30s") Duration stallThreshold,
        @DefaultValue("10s") Duration positionLookup,
        @DefaultValue("5s") Duration resumeMargin,
        @DefaultValue("8") int parallelism) {

    public String deadLetterTopicFor(String topic) {
        return deadLetterTopic == null || deadLetterTopic.isBlank() ? topic + ".dlt" : deadLetterTopic;
    }
}
