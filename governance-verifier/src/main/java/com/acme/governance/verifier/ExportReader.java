package com.acme.governance.verifier;

import com.acme.governance.api.audit.HashChain;
import com.acme.governance.api.audit.SealedEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an audit trail export, one JSON object a line (the item of {@code GET /api/v1/audit/events}), line by line:
 * one line in memory at a time. A line that is not such an item stops the reading, named by its number.
 */
final class ExportReader {

    // a key given twice could show one value to us and another to a different reader: refuse it
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ExportReader() {
    }

    static void read(InputStream export, Consumer<SealedEvent> events) throws UnusableInputException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(export, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        long number = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                events.accept(event(line, number));
            }
        } catch (IOException e) {
            throw new UnusableInputException("line " + (number + 1) + ": cannot be read as UTF-8 text ("
                    + e.getMessage() + ")", e);
        }
    }

    private static SealedEvent event(String line, long number) throws UnusableInputException {
        JsonNode item;
        try {
            item = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UnusableInputException("line " + number + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
        try {
            if (item == null || !item.isObject()) {
                throw new IllegalArgumentException("an audit trail item is a JSON object");
            }
            return new SealedEvent(new HashChain.Link(text(item, "aggregateId"), sequence(item), text(item, "type"),
                    text(item, "eventId"), time(item), present(item, "payload"), nullableText(item, "principal"),
                    strings(item, "teams"), strings(item, "roles"), nullableText(item, "correlationId"),
                    nullableText(item, "causationId"), optionalText(item, "issuer")), text(item, "previousHash"),
                    text(item, "hash"));
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("line " + number + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode present(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = present(item, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + ": a string");
        }
        return value.textValue();
    }

    private static String nullableText(JsonNode item, String field) {
        return present(item, field).isNull() ? null : text(item, field);
    }

    /** A field that exports made before it existed do not have (adr/0032: {@code issuer}). */
    private static String optionalText(JsonNode item, String field) {
        return item.get(field) == null ? null : nullableText(item, field);
    }

    private static long sequence(JsonNode item) {
        JsonNode value = present(item, "sequence");
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new IllegalArgumentException("sequence: a whole number, 0 or more");
        }
        return value.longValue();
    }

    private static Instant time(JsonNode item) {
        try {
            return Instant.parse(text(item, "time"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time: an ISO-8601 UTC instant", e);
        }
    }

    private static List<String> strings(JsonNode item, String field) {
        JsonNode value = present(item, field);
        List<String> strings = new ArrayList<>();
        if (!value.isArray()) {
            throw new IllegalArgumentException(field + ": an array of strings");
        }
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new IllegalArgumentException(field + ": an array of strings");
            }
            strings.add(element.textValue());
        }
        return strings;
    }
}
