package com.acme.governance.query.ingestion;

import com.acme.governance.api.audit.CloudEventExtensions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * Reads a Kafka record as the CloudEvent the relay wrote (through the CloudEvents SDK, {@link KafkaCloudEvents})
 * and then as a governance event: the attributes and extensions the contract requires ({@link CloudEventExtensions})
 * and the JSON payload.
 */
@Component("queryIncomingEventReader")
public class IncomingEventReader {

    private final ObjectMapper objectMapper;

    public IncomingEventReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** @throws MalformedEventException naming the record, its type when the envelope had one, and what is wrong */
    public IncomingEvent read(ConsumerRecord<String, byte[]> record) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaCloudEvents.read(record);
        } catch (RuntimeException e) {
            throw new MalformedEventException(null, "record at " + where(record) + " is not a CloudEvent: " + e.getMessage(), e);
        }
        String type = cloudEvent.getType();
        try {
            return new IncomingEvent(
                    cloudEvent.getId(),
                    type,
                    required("subject", cloudEvent.getSubject()),
                    requiredExtension(cloudEvent, CloudEventExtensions.AGGREGATE_TYPE),
                    sequence(requiredExtension(cloudEvent, CloudEventExtensions.SEQUENCE)),
                    required("time", cloudEvent.getTime()).toInstant(),
                    requiredExtension(cloudEvent, CloudEventExtensions.PRINCIPAL),
                    CloudEventExtensions.issuer(extension(cloudEvent, CloudEventExtensions.ISSUER)),
                    list(cloudEvent, CloudEventExtensions.TEAMS),
                    list(cloudEvent, CloudEventExtensions.ROLES),
                    extension(cloudEvent, CloudEventExtensions.CORRELATION_ID),
                    extension(cloudEvent, CloudEventExtensions.CAUSATION_ID),
                    requiredExtension(cloudEvent, CloudEventExtensions.HASH),
                    emptyIfAbsent(extension(cloudEvent, CloudEventExtensions.PREVIOUS_HASH)),
                    payload(cloudEvent.getData()));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(type, "malformed " + type + " at " + where(record) + ": " + e.getMessage(), e);
        }
    }

    private JsonNode payload(CloudEventData data) {
        byte[] bytes = data == null ? null : data.toBytes();
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("empty payload");
        }
        try {
            return objectMapper.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("payload is not JSON: " + e.getMessage(), e);
        }
    }

    private static long sequence(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("extension '" + CloudEventExtensions.SEQUENCE + "' is not a number: '"
                    + value + "'", e);
        }
    }

    private static List<String> list(CloudEvent cloudEvent, String name) {
        return CloudEventExtensions.split(extension(cloudEvent, name));
    }

    private static <T> T required(String attribute, T value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException("missing attribute '" + attribute + "'");
        }
        return value;
    }

    private static String requiredExtension(CloudEvent cloudEvent, String name) {
        String value = extension(cloudEvent, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing extension '" + name + "'");
        }
        return value;
    }

    /** Binary mode gives every extension as a string; another encoding may type it, so any value is read as text. */
    private static String extension(CloudEvent cloudEvent, String name) {
        Object value = cloudEvent.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static String emptyIfAbsent(String value) {
        return value == null ? "" : value;
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
