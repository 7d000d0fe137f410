package com.acme.governance.command.relay;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Relays every stored event to Kafka, in store order, at least once. It runs in a tracking processor over the event
 * store: its position advances only after Kafka acknowledged the event, and any failure propagates to the processor,
 * which retries from the same position with back-off. A Kafka outage therefore delays events but never loses one.
 */
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";

    private final KafkaTemplate<String, byte[]> kafkaTemplate;
    private final CloudEventRecords records;
    private final GovernanceTopic topic;
    private final Duration acknowledgementTimeout;

    public KafkaRelay(KafkaTemplate<String, byte[]> kafkaTemplate, CloudEventRecords records, GovernanceTopic topic,
                      Duration acknowledgementTimeout) {
        this.kafkaTemplate = kafkaTemplate;
        this.records = records;
        this.topic = topic;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    @EventHandler
    public void relay(Object payload, DomainEventMessage<?> event) throws ExecutionException, InterruptedException,
            TimeoutException {
        topic.ensureExists();
        ProducerRecord<String, byte[]> record = records.toRecord(event);
        kafkaTemplate.send(record).get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
