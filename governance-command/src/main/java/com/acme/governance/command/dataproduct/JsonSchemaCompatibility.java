package com.acme.governance.command.dataproduct;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backward compatibility of a JSON Schema with its predecessor, as a consumer of the old version sees it: no field
 * removed, no field newly required, no field's type changed. Nested objects and array items are checked the same way.
 * Not followed yet: {@code $ref}s and the combinators ({@code allOf}, {@code anyOf}, {@code oneOf}); a change made
 * only behind them goes unnoticed.
 */
final class JsonSchemaCompatibility {

    private JsonSchemaCompatibility() {
    }

    /** The changes that break consumers of {@code previous}; empty when {@code next} is backward compatible. */
    static List<String> breakingChanges(JsonNode previous, JsonNode next) {
        List<String> changes = new ArrayList<>();
        compare("$", previous, next, changes);
        return changes;
    }

    private static void compare(String path, JsonNode previous, JsonNode next, List<String> changes) {
        if (!sameType(previous.get("type"), next.get("type"))) {
            changes.add("type of " + path + " changed from " + previous.get("type") + " to " + next.get("type"));
            return;
        }
        JsonNode previousProperties = previous.path("properties");
        JsonNode nextProperties = next.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = previousProperties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String propertyPath = path + "." + property.getKey();
            JsonNode successor = nextProperties.get(property.getKey());
            if (successor == null) {
                changes.add("field " + propertyPath + " was removed");
            } else {
                compare(propertyPath, property.getValue(), successor, changes);
            }
        }
        Set<String> newlyRequired = names(next.path("required"));
        newlyRequired.removeAll(names(previous.path("required")));
        newlyRequired.stream().sorted().forEach(name -> changes.add("field " + path + "." + name + " is newly required"));
        if (previous.has("items") && next.has("items")) {
            compare(path + "[]", previous.get("items"), next.get("items"), changes);
        }
    }

    /** {@code "type": ["string", "null"]} and {@code ["null", "string"]} are the same type. */
    private static boolean sameType(JsonNode previous, JsonNode next) {
        if (previous == null || next == null) {
            return previous == next;
        }
        if (previous.isArray() && next.isArray()) {
            return names(previous).equals(names(next));
        }
        return previous.equals(next);
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}
