package com.acme.governance.command.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Tuning of the relay's tracking processor, under its processing group's name
 * ({@code governance.command.processors.kafka-relay.*}).
 *
 * @param batchSize              events relayed per Kafka round trip; a batch is also what a failure makes the relay
 *                               send again
 * @param acknowledgementTimeout how long the last event of a batch waits for Kafka to acknowledge the whole batch
 *                               before the batch fails and is retried from the same position
 */
@ConfigurationProperties("governance.command.processors." + KafkaRelay.PROCESSING_GROUP)
public record RelayProcessorProperties(@DefaultValue("100") int batchSize,
                                       @DefaultValue("15s") Duration acknowledgementTimeout) {
}
