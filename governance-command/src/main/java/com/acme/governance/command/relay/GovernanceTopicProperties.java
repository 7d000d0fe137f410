package com.acme.governance.command.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The published log of governance events.
 *
 * @param maxRecordBytes   the largest Kafka record (key, value, headers and framing, as the producer counts it) that one
 *                         event may become. A command whose event would be larger is refused with 413, the relay's
 *                         producer ({@code max.request.size}) and the topic ({@code max.message.bytes}, set when the
 *                         relay creates it and checked when it exists) are set from it, so no stored event can be one
 *                         that Kafka refuses. The default fits Kafka's own default limits.
 * @param sweepInterval      how often the relay looks for an aggregate's last event that tracking missed (ADR 0013)
 * @param sweepWindow        how far back, by event time, it looks once every {@code sweepFullInterval}
 * @param sweepMinimumAge    events younger than this are left to tracking
 * @param sweepRecentWindow  how far back the other sweeps look: a commit seen this late is rare, one seen later rarer
 *                           still, and reading the whole window every interval cost the store 60 reads per event
 * @param sweepFullInterval  how often a sweep reads the whole {@code sweepWindow}
 */
@ConfigurationProperties("governance.kafka")
public record GovernanceTopicProperties(@DefaultValue("governance.events") String topic,
                                        @DefaultValue("3") int partitions,
                                        @DefaultValue("1") short replicationFactor,
                                        @DefaultValue("1000000") int maxRecordBytes,
                                        @DefaultValue("10s") Duration sweepInterval,
                                        @DefaultValue("10m") Duration sweepWindow,
                                        @DefaultValue("15s") Duration sweepMinimumAge,
                                        @DefaultValue("1m") Duration sweepRecentWindow,
                                        @DefaultValue("5m") Duration sweepFullInterval) {
}
