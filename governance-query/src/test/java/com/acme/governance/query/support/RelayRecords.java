package com.acme.governance.query.support;

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
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withType(event.type())
                .withSource(URI.create("/governance/command"))
                .withSubject(event.aggregateId())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withExtension("sequence", Long.toString(event.sequence()))
                .withExtension("aggregatetype", event.aggregateType())
                .withExtension("principal", event.principal())
                .withExtension("teams", String.join(",", event.teams()))
                .withExtension("roles", String.join(",", event.roles()))
                .withExtension("correlationid", event.correlationId())
                .withExtension("causationid", event.causationId())
                .withExtension("hash", event.hash())
                .withExtension("previoushash", event.previousHash())
                .withData("application/json", event.payload().toString().getBytes(StandardCharsets.UTF_8))
                .build();
        ProducerRecord<String, byte[]> produced = KafkaMessageFactory
                .createWriter(TOPIC, 0, null, event.aggregateId())
                .writeBinary(cloudEvent);
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(TOPIC, 0, offset, produced.key(), produced.value());
        for (Header header : produced.headers()) {
            consumed.headers().add(header);
        }
        return consumed;
    }
}
