package com.acme.governance.query.support;

import com.acme.governance.api.audit.CloudEventExtensions;
import com.acme.governance.query.ingestion.IncomingEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Kafka records exactly as the command side's relay writes them: CloudEvents binary mode through the
 * cloudevents-kafka writer, audit metadata as string extensions.
 */
public final class RelayRecords {

    public static final String TOPIC = "governance.events";

    private RelayRecords() {
    }

    public static ConsumerRecord<String, byte[]> of(IncomingEvent event, long offset) {
        return of(event, 0, offset);
    }

    public static ConsumerRecord<String, byte[]> of(IncomingEvent event, int partition, long offset) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withType(event.type())
                .withSource(URI.create(CloudEventExtensions.SOURCE))
                .withSubject(event.aggregateId())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withExtension(CloudEventExtensions.SEQUENCE, Long.toString(event.sequence()))
                .withExtension(CloudEventExtensions.AGGREGATE_TYPE, event.aggregateType())
                .withExtension(CloudEventExtensions.PRINCIPAL, event.principal())
                .withExtension(CloudEventExtensions.ISSUER, event.issuer() == null ? "" : event.issuer())
                .withExtension(CloudEventExtensions.TEAMS, CloudEventExtensions.joined(event.teams()))
                .withExtension(CloudEventExtensions.ROLES, CloudEventExtensions.joined(event.roles()))
                .withExtension(CloudEventExtensions.CORRELATION_ID, event.correlationId())
                .withExtension(CloudEventExtensions.CAUSATION_ID, event.causationId())
                .withExtension(CloudEventExtensions.HASH, event.hash())
                .withExtension(CloudEventExtensions.PREVIOUS_HASH, event.previousHash())
                .withData(CloudEventExtensions.DATA_CONTENT_TYPE, event.payload().toString().getBytes(StandardCharsets.UTF_8))
                .build();
        ProducerRecord<String, byte[]> produced = KafkaMessageFactory
                .createWriter(TOPIC, partition, null, event.aggregateId())
                .writeBinary(cloudEvent);
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(TOPIC, partition, offset, produced.key(),
                produced.value());
        for (Header header : produced.headers()) {
            consumed.headers().add(header);
        }
        return consumed;
    }
}
