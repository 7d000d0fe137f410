package com.acme.governance.command.dataproduct;

import com.acme.governance.api.Limits;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.DialectId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a contract's schema is one at all, before anything compares it with its predecessor: a JSON object within
 * the size limits that is valid against its dialect's meta-schema ({@code $schema}, draft 2020-12 when absent).
 * The meta-schemas ship in the validator's jar: nothing is fetched, and the schema's own {@code $ref}s are only
 * checked for their form here, never followed.
 */
public final class JsonSchemaValidity {

    /** Dialects a contract may declare, by their {@code $schema} (with or without the trailing {@code #}). */
    static final List<String> DIALECTS = List.of(DialectId.DRAFT_2020_12, DialectId.DRAFT_2019_09, DialectId.DRAFT_7);

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> META_SCHEMAS = new ConcurrentHashMap<>();

    private JsonSchemaValidity() {
    }

    /** The first reason why {@code schema} is not an acceptable JSON Schema, or empty when it is one. */
    public static Optional<String> problem(JsonNode schema) {
        Optional<String> form = form(schema, false);
        if (form.isPresent()) {
            return form;
        }
        JsonNode declared = schema.get("$schema");
        if (declared != null && !declared.isTextual()) {
            return Optional.of("$schema must be a string, one of " + DIALECTS);
        }
        String dialect = declared == null ? DialectId.DRAFT_2020_12 : dialect(declared.asText());
        if (dialect == null) {
            return Optional.of("$schema must be one of " + DIALECTS + ", got '" + declared.asText() + "'");
        }
        List<Error> errors = META_SCHEMAS.computeIfAbsent(dialect, id -> REGISTRY.getSchema(SchemaLocation.of(id)))
                .validate(schema);
        return errors.stream().findFirst()
                .map(error -> "is not a valid JSON Schema: " + error.getMessage());
    }

    /**
     * What a contract's schema must be as JSON: an object (a JSON Schema, an Avro schema) or, for a schema type
     * written as text (Protobuf's {@code .proto}), a string; within its limits in bytes and elements.
     */
    public static Optional<String> form(JsonNode schema, boolean text) {
        if (text ? !schema.isTextual() : !schema.isObject()) {
            return Optional.of(text ? "this schema type's schema is its text, as a JSON string"
                    : "a schema must be a JSON object");
        }
        int bytes = schema.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Limits.SCHEMA_BYTES) {
            return Optional.of("a schema may have at most " + Limits.SCHEMA_BYTES + " bytes of JSON (UTF-8), this one has "
                    + bytes);
        }
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(schema));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isArray() && node.size() > Limits.SCHEMA_ARRAY_ELEMENTS) {
                return Optional.of("an array in a schema may have at most " + Limits.SCHEMA_ARRAY_ELEMENTS
                        + " elements, one has " + node.size());
            }
            node.forEach(pending::push);
        }
        return Optional.empty();
    }

    private static String dialect(String declared) {
        String normalized = declared.endsWith("#") ? declared.substring(0, declared.length() - 1) : declared;
        return DIALECTS.stream()
                .filter(id -> id.equals(normalized) || id.equals(normalized + "#") || id.equals(declared))
                .findFirst().orElse(null);
    }
}
