package com.acme.governance.query.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Reads the CloudEvents binary-mode envelope (ce_* headers) and the JSON payload of a Kafka record. */
@Component("queryIncomingEventReader")
public class IncomingEventReader {

    private final ObjectMapper objectMapper;

    public IncomingEventReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public IncomingEvent read(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String type = optional(headers, CloudEventHeaders.TYPE);
        if (type == null || type.isBlank()) {
            throw new MalformedEventException(null, "record without " + CloudEventHeaders.TYPE + " at " + where(record));
        }
        try {
            return new IncomingEvent(
                    required(headers, CloudEventHeaders.ID),
                    type,
                    required(headers, CloudEventHeaders.SUBJECT),
                    required(headers, CloudEventHeaders.AGGREGATE_TYPE),
                    sequence(required(headers, CloudEventHeaders.SEQUENCE)),
                    time(required(headers, CloudEventHeaders.TIME)),
                    required(headers, CloudEventHeaders.PRINCIPAL),
                    list(optional(headers, CloudEventHeaders.TEAMS)),
                    list(optional(headers, CloudEventHeaders.ROLES)),
                    optional(headers, CloudEventHeaders.CORRELATION_ID),
                    optional(headers, CloudEventHeaders.CAUSATION_ID),
                    required(headers, CloudEventHeaders.HASH),
                    emptyIfAbsent(optional(headers, CloudEventHeaders.PREVIOUS_HASH)),
                    payload(record.value()));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new MalformedEventException(type, "malformed " + type + " at " + where(record) + ": " + e.getMessage(), e);
        }
    }

    private JsonNode payload(byte[] value) {
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("empty payload");
        }
        try {
            return objectMapper.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("payload is not JSON: " + e.getMessage(), e);
        }
    }

    private static long sequence(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CloudEventHeaders.SEQUENCE + " is not a number: '" + value + "'", e);
        }
    }

    // RFC 3339 allows any offset, which Instant.parse does not accept on every JDK.
    private static Instant time(String value) {
        return OffsetDateTime.parse(value.trim()).toInstant();
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing header " + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String emptyIfAbsent(String value) {
        return value == null ? "" : value;
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
