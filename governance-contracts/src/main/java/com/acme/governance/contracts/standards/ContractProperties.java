package com.acme.governance.contracts.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A contract's fields as ODCS properties ({@code name}, {@code logicalType}, {@code physicalType}, {@code required},
 * {@code description}, {@code logicalTypeOptions}, nested {@code properties} and {@code items}). ODCS has no notion
 * for what a schema language says beyond that (unions, enums, maps, {@code $ref}s): such a field is named with its
 * physical type only, and the schema itself travels beside the properties, so nothing is lost (ADR 0050).
 */
final class ContractProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> STRING_OPTIONS = List.of("minLength", "maxLength", "pattern");
    static final List<String> NUMBER_OPTIONS = List.of("minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf");
    static final List<String> ARRAY_OPTIONS = List.of("minItems", "maxItems", "uniqueItems");

    private ContractProperties() {
    }

    /** The properties of a JSON Schema's root object (none when its root is not one). */
    static ArrayNode ofJsonSchema(JsonNode schema) {
        ArrayNode properties = NODES.arrayNode();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").fields().forEachRemaining(field -> properties.add(
                jsonProperty(field.getKey(), field.getValue(), required.contains(field.getKey()))));
        return properties;
    }

    private static ObjectNode jsonProperty(String name, JsonNode schema, boolean required) {
        ObjectNode property = NODES.objectNode();
        if (name != null) {
            property.put("name", name);
        }
        describeJson(property, schema);
        property.put("required", required);
        return property;
    }

    private static void describeJson(ObjectNode property, JsonNode schema) {
        String type = jsonType(schema);
        String logical = switch (type == null ? "" : type) {
            case "string" -> switch (schema.path("format").asText()) {
                case "date" -> "date";
                case "date-time" -> "timestamp";
                case "time" -> "time";
                default -> "string";
            };
            case "integer", "number", "boolean", "object", "array" -> type;
            default -> null;
        };
        if (logical != null) {
            property.put("logicalType", logical);
            property.put("physicalType", type);
        }
        if (schema.path("description").isTextual()) {
            property.put("description", schema.path("description").asText());
        }
        ObjectNode options = NODES.objectNode();
        if ("string".equals(logical)) {
            copy(schema, options, STRING_OPTIONS, true);
        } else if ("integer".equals(logical) || "number".equals(logical)) {
            copy(schema, options, NUMBER_OPTIONS, false);
        } else if ("array".equals(logical)) {
            copy(schema, options, ARRAY_OPTIONS, false);
        }
        if (!options.isEmpty()) {
            property.set("logicalTypeOptions", options);
        }
        if ("object".equals(logical) && schema.has("properties")) {
            property.set("properties", ofJsonSchema(schema));
        }
        if ("array".equals(logical) && schema.path("items").isObject()) {
            ObjectNode items = NODES.objectNode();
            describeJson(items, schema.path("items"));
            property.set("items", items);
        }
    }

    /** Its one type, a nullable one's non-null type, or null when it has none or several. */
    private static String jsonType(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            List<String> named = new java.util.ArrayList<>();
            type.forEach(each -> {
                if (!"null".equals(each.asText())) {
                    named.add(each.asText());
                }
            });
            return named.size() == 1 ? named.get(0) : null;
        }
        return null;
    }

    /** Copies the keywords ODCS also has, where their values are of the kind ODCS allows (numbers, or text). */
    private static void copy(JsonNode schema, ObjectNode options, List<String> keywords, boolean textPatterns) {
        for (String keyword : keywords) {
            JsonNode value = schema.get(keyword);
            if (value != null && (value.isNumber() || value.isBoolean() && keyword.equals("uniqueItems")
                    || textPatterns && value.isTextual() && keyword.equals("pattern"))) {
                options.set(keyword, value);
            }
        }
    }

    /** The fields of an Avro record (none when its schema is not one). */
    static ArrayNode ofAvro(Schema record) {
        ArrayNode properties = NODES.arrayNode();
        if (record.getType() == Schema.Type.RECORD) {
            for (Schema.Field field : record.getFields()) {
                ObjectNode property = NODES.objectNode().put("name", field.name());
                boolean nullable = describeAvro(property, field.schema());
                if (field.doc() != null) {
                    property.put("description", field.doc());
                }
                property.put("required", !nullable);
                properties.add(property);
            }
        }
        return properties;
    }

    /** Describes the type; answers whether it is a union with null. */
    private static boolean describeAvro(ObjectNode property, Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            List<Schema> named = schema.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL)
                    .toList();
            boolean nullable = named.size() < schema.getTypes().size();
            if (named.size() == 1) {
                describeAvro(property, named.get(0));
            } else {
                property.put("physicalType", "union");
            }
            return nullable;
        }
        LogicalType logicalType = schema.getLogicalType();
        String logical = logicalType != null ? switch (logicalType.getName()) {
            case "date" -> "date";
            case "timestamp-millis", "timestamp-micros", "local-timestamp-millis", "local-timestamp-micros" ->
                    "timestamp";
            case "time-millis", "time-micros" -> "time";
            case "decimal" -> "number";
            default -> null;
        } : null;
        if (logical == null) {
            logical = switch (schema.getType()) {
                case STRING, ENUM, BYTES, FIXED -> "string";
                case INT, LONG -> "integer";
                case FLOAT, DOUBLE -> "number";
                case BOOLEAN -> "boolean";
                case RECORD, MAP -> "object";
                case ARRAY -> "array";
                default -> null;
            };
        }
        property.put("physicalType", schema.getType().getName());
        if (logical != null) {
            property.put("logicalType", logical);
        }
        if (schema.getType() == Schema.Type.RECORD) {
            property.set("properties", ofAvro(schema));
        } else if (schema.getType() == Schema.Type.ARRAY) {
            ObjectNode items = NODES.objectNode();
            describeAvro(items, schema.getElementType());
            property.set("items", items);
        }
        return false;
    }
}
