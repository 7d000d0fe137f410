package com.acme.governance.query.ingestion;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Optional;

/**
 * A record of the event topic as a CloudEvent, read by the CloudEvents SDK's Kafka binding (binary mode, the way the
 * relay writes it). The SDK checks the envelope: a spec version, an id, a source and a type, a well-formed time.
 */
final class KafkaCloudEvents {

    private KafkaCloudEvents() {
    }

    /**
     * @throws RuntimeException ({@code CloudEventRWException} or {@code IllegalStateException}, as the SDK reports it)
     *                          when the record is no CloudEvent
     */
    static CloudEvent read(ConsumerRecord<?, ?> record) {
        byte[] value = record.value() == null ? null : (byte[]) record.value();
        return KafkaMessageFactory.createReader(record.headers(), value).toEvent();
    }

    /** The record as a CloudEvent, or empty when it is none: for describing records that may not decode. */
    static Optional<CloudEvent> tryRead(ConsumerRecord<?, ?> record) {
        try {
            return Optional.of(read(record));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
