package com.acme.governance.command.relay;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.CloudEventExtensions;
import com.acme.governance.api.audit.EventCatalog;
import com.acme.governance.command.audit.AuditLinks;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.net.URI;
import java.time.ZoneOffset;

/**
 * Turns a stored event into its Kafka record: key = aggregate id, value = the event as JSON, CloudEvents binary-mode
 * headers, and the audit metadata as the CloudEvents extensions the contract names in {@link CloudEventExtensions}
 * (see ADR 0004). An event read from the store keeps its serialized form: the value is the payload bytes as stored
 * and the type names the revision it was stored with, which is what its hash covers (adr/0027); an event not yet
 * stored is serialized as the store will serialize it.
 */
public final class CloudEventRecords {

    private static final URI SOURCE = URI.create(CloudEventExtensions.SOURCE);

    private final Serializer eventSerializer;
    private final String topic;

    /** @param eventSerializer the serializer the event store stores payloads with, the very instance */
    public CloudEventRecords(Serializer eventSerializer, String topic) {
        this.eventSerializer = eventSerializer;
        this.topic = topic;
    }

    public ProducerRecord<String, byte[]> toRecord(DomainEventMessage<?> event) {
        MetaData metaData = event.getMetaData();
        // a message read by this serializer gives back the bytes it was read from, without deserializing
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.getIdentifier())
                .withType(EventCatalog.typeOf(event.getPayloadType(), payload.getType().getRevision()))
                .withSource(SOURCE)
                .withSubject(event.getAggregateIdentifier())
                .withTime(event.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventExtensions.DATA_CONTENT_TYPE)
                .withData(payload.getData())
                .withExtension(CloudEventExtensions.SEQUENCE, Long.toString(event.getSequenceNumber()))
                .withExtension(CloudEventExtensions.AGGREGATE_TYPE, String.valueOf(event.getType()))
                .withExtension(CloudEventExtensions.PRINCIPAL, orEmpty(metaData.get(AuditMetadata.PRINCIPAL)))
                .withExtension(CloudEventExtensions.ISSUER, orEmpty(metaData.get(AuditMetadata.ISSUER)))
                .withExtension(CloudEventExtensions.TEAMS,
                        CloudEventExtensions.joined(AuditLinks.strings(metaData.get(AuditMetadata.TEAMS))))
                .withExtension(CloudEventExtensions.ROLES,
                        CloudEventExtensions.joined(AuditLinks.strings(metaData.get(AuditMetadata.ROLES))))
                .withExtension(CloudEventExtensions.CORRELATION_ID, orEmpty(metaData.get(AuditMetadata.CORRELATION_ID)))
                .withExtension(CloudEventExtensions.CAUSATION_ID, orEmpty(metaData.get(AuditMetadata.CAUSATION_ID)))
                .withExtension(CloudEventExtensions.HASH, orEmpty(metaData.get(AuditMetadata.HASH)))
                .withExtension(CloudEventExtensions.PREVIOUS_HASH, orEmpty(metaData.get(AuditMetadata.PREVIOUS_HASH)))
                .build();
        return KafkaMessageFactory.<String>createWriter(topic, null, null, event.getAggregateIdentifier())
                .writeBinary(cloudEvent);
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
