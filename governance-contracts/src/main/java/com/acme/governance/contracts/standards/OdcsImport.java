package com.acme.governance.contracts.standards;

import com.acme.governance.api.dataproduct.SchemaType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An Open Data Contract Standard v3.1.0 document as a contract version to publish (ADR 0050): valid against the
 * standard's own JSON Schema, with one schema object. Its schema is the one the custom properties {@code schemaType}
 * and {@code schema} carry, as this catalog's exports write them; without them, a JSON Schema made of the
 * object's ODCS properties (the inverse of {@link ContractProperties#ofJsonSchema}).
 */
public final class OdcsImport {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OdcsImport() {
    }

    /** What the document publishes. */
    public record Imported(String version, SchemaType schemaType, JsonNode schema, JsonNode document) {
    }

    /** A document that is not one this catalog can publish: every reason, each with where it is. */
    public static final class NotAContractException extends RuntimeException {

        private final List<String> problems;

        NotAContractException(List<String> problems) {
            super("not an ODCS v3.1.0 contract this catalog can publish: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Reads YAML (which JSON is too). */
    public static Imported fromYaml(String text) {
        JsonNode document;
        try {
            document = YAML.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new NotAContractException(List.of("$: not YAML: " + e.getOriginalMessage()));
        }
        return from(document);
    }

    public static Imported from(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new NotAContractException(List.of("$: an ODCS document is a mapping"));
        }
        List<String> problems = StandardSchemas.odcsProblems(document);
        if (!problems.isEmpty()) {
            throw new NotAContractException(problems);
        }
        JsonNode objects = document.path("schema");
        if (objects.size() != 1) {
            throw new NotAContractException(List.of("$.schema: a contract version of this catalog has one schema "
                    + "object, this document has " + objects.size()));
        }
        JsonNode object = objects.get(0);
        Optional<JsonNode> declaredType = custom(object, OpenStandards.SCHEMA_TYPE_PROPERTY);
        Optional<JsonNode> declaredSchema = custom(object, OpenStandards.SCHEMA_PROPERTY);
        if (declaredType.isPresent() != declaredSchema.isPresent()) {
            throw new NotAContractException(List.of("$.schema[0].customProperties: " + OpenStandards.SCHEMA_TYPE_PROPERTY
                    + " and " + OpenStandards.SCHEMA_PROPERTY + " go together"));
        }
        String version = document.path("version").asText();
        if (declaredType.isEmpty()) {
            return new Imported(version, SchemaType.JSON_SCHEMA, jsonSchemaOf(object), document);
        }
        SchemaType type = Arrays.stream(SchemaType.values()).filter(each -> each.name().equals(declaredType.get()
                .asText())).findFirst().orElseThrow(() -> new NotAContractException(List.of(
                "$.schema[0].customProperties." + OpenStandards.SCHEMA_TYPE_PROPERTY + ": one of "
                        + Arrays.toString(SchemaType.values()) + ", got " + declaredType.get())));
        return new Imported(version, type, declaredSchema.get(), document);
    }

    private static Optional<JsonNode> custom(JsonNode object, String property) {
        for (JsonNode custom : object.path("customProperties")) {
            if (property.equals(custom.path("property").asText()) && custom.has("value")) {
                return Optional.of(custom.get("value"));
            }
        }
        return Optional.empty();
    }

    /** A JSON Schema object with the ODCS object's properties, required ones listed as such. */
    static ObjectNode jsonSchemaOf(JsonNode object) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        if (object.path("name").isTextual()) {
            schema.put("title", object.path("name").asText());
        }
        describeObject(schema, object.path("properties"));
        return schema;
    }

    private static void describeObject(ObjectNode schema, JsonNode properties) {
        ObjectNode named = schema.putObject("properties");
        List<String> required = new ArrayList<>();
        for (JsonNode property : properties) {
            String name = property.path("name").asText();
            named.set(name, describe(property));
            if (property.path("required").asBoolean(false)) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            ArrayNode list = schema.putArray("required");
            required.forEach(list::add);
        }
    }

    private static ObjectNode describe(JsonNode property) {
        ObjectNode schema = NODES.objectNode();
        String logical = property.path("logicalType").asText("");
        switch (logical) {
            case "date" -> schema.put("type", "string").put("format", "date");
            case "timestamp" -> schema.put("type", "string").put("format", "date-time");
            case "time" -> schema.put("type", "string").put("format", "time");
            case "string", "integer", "number", "boolean" -> schema.put("type", logical);
            case "object" -> {
                schema.put("type", "object");
                if (property.has("properties")) {
                    describeObject(schema, property.path("properties"));
                }
            }
            case "array" -> {
                schema.put("type", "array");
                if (property.path("items").isObject()) {
                    schema.set("items", describe(property.path("items")));
                }
            }
            default -> {
                // a property without a logical type says nothing of its values: any value is one
            }
        }
        if (property.path("description").isTextual()) {
            schema.put("description", property.path("description").asText());
        }
        List<String> options = switch (logical) {
            case "string" -> ContractProperties.STRING_OPTIONS;
            case "integer", "number" -> ContractProperties.NUMBER_OPTIONS;
            case "array" -> ContractProperties.ARRAY_OPTIONS;
            default -> List.of(); // a date's bounds and formats are not JSON Schema's
        };
        JsonNode given = property.path("logicalTypeOptions");
        options.stream().filter(given::has).forEach(option -> schema.set(option, given.get(option)));
        return schema;
    }
}
