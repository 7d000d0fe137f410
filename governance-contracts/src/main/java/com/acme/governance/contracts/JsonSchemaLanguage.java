package com.acme.governance.contracts;

import com.acme.governance.api.dataproduct.ContractReference;
import com.acme.governance.contracts.ContractCompatibility.Version;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apicurio.registry.rules.compatibility.jsonschema.JsonSchemaDiffLibrary;
import io.apicurio.registry.rules.compatibility.jsonschema.diff.DiffType;
import io.apicurio.registry.rules.compatibility.jsonschema.diff.Difference;
import org.everit.json.schema.Schema;
import org.everit.json.schema.SchemaException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONException;
import org.json.JSONObject;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON Schema, compared by Apicurio Registry's diff (the one its compatibility rules use, following {@code $ref},
 * {@code allOf}/{@code anyOf}/{@code oneOf}, enums, bounds and the open or closed content model as Schema Registry
 * does). Its parser (everit) knows drafts 4 to 7: a schema is read as draft 7 whatever its {@code $schema} says
 * (it was validated as its own draft before, {@code JsonSchemaValidity}), so keywords only later drafts have are not
 * compared (ADR 0048). A {@code $ref} outside the schema is never fetched: it names a contract version of the
 * catalog, {@code {productId}@{version}}, or it makes the schema unreadable.
 */
final class JsonSchemaLanguage implements SchemaLanguage {

    /** The brief's rule as the diff's difference types; the property sets' are told apart by the side reported. */
    private static final Set<DiffType> NEWLY_REQUIRED = Set.of(DiffType.OBJECT_TYPE_REQUIRED_PROPERTIES_ADDED,
            DiffType.OBJECT_TYPE_REQUIRED_PROPERTIES_MEMBER_ADDED, DiffType.OBJECT_TYPE_REQUIRED_PROPERTIES_CHANGED);
    private static final Set<DiffType> TYPE_CHANGED = Set.of(DiffType.SUBSCHEMA_TYPE_CHANGED,
            DiffType.SUBSCHEMA_TYPE_CHANGED_TO_EMPTY_OR_TRUE, DiffType.NUMBER_TYPE_INTEGER_REQUIRED_FALSE_TO_TRUE,
            DiffType.NUMBER_TYPE_INTEGER_REQUIRED_TRUE_TO_FALSE);
    private static final String PROPERTIES_REMOVED = "/propertySchemasRemoved";

    @Override
    public void read(Version version) {
        load(version);
    }

    /**
     * The schema with the contract versions it references registered under their names, so that a {@code $ref} of
     * {@code {productId}@{version}} (with or without a fragment) reads the referenced schema as published.
     */
    private static Schema load(Version version) {
        SchemaLoader.SchemaLoaderBuilder loader = SchemaLoader.builder()
                .draftV7Support()
                .schemaClient(url -> {
                    throw new UnreadableContractException("$ref " + url + " is outside the schema and names no "
                            + "contract version it references ({productId}@{version}); references are resolved from "
                            + "the catalog only, never fetched", null);
                });
        try {
            for (ContractCompatibility.Referenced reference : version.references()) {
                loader.registerSchemaByURI(URI.create(reference.name()), new JSONObject(asDraft7(reference.schema())
                        .toString()));
            }
            return loader.schemaJson(new JSONObject(asDraft7(version.schema()).toString())).build().load().build();
        } catch (SchemaException | JSONException | IllegalArgumentException e) {
            throw new UnreadableContractException("not a JSON Schema: " + e.getMessage(), e);
        }
    }

    private static ObjectNode asDraft7(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            throw new UnreadableContractException("a JSON Schema must be a JSON object", null);
        }
        ObjectNode asDraft7 = object.deepCopy();
        asDraft7.remove("$schema");
        return asDraft7;
    }

    @Override
    public Set<String> namedReferences(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(schema));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            JsonNode ref = node.isObject() ? node.get("$ref") : null;
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                int fragment = target.indexOf('#');
                String document = fragment < 0 ? target : target.substring(0, fragment);
                if (ContractReference.isReference(document)) {
                    names.add(document);
                }
            }
            node.forEach(pending::push);
        }
        return names;
    }

    @Override
    public List<SchemaChange> unreadable(Version writer, Version reader) {
        // the diff's "backwards compatible" is: its updated schema reads what its original one accepted
        return JsonSchemaDiffLibrary.findDifferences(load(writer), load(reader)).getIncompatibleDifferences().stream()
                .sorted(Comparator.comparing(Difference::getPathUpdated).thenComparing(d -> d.getDiffType().name()))
                .map(JsonSchemaLanguage::change)
                .toList();
    }

    @Override
    public List<SchemaChange> consumerBreaking(Version earlier, Version proposed) {
        List<SchemaChange> changes = new ArrayList<>();
        JsonSchemaDiffLibrary.findDifferences(load(earlier), load(proposed)).getDiff().stream()
                .sorted(Comparator.comparing(Difference::getPathUpdated).thenComparing(d -> d.getDiffType().name()))
                .forEach(difference -> judge(difference, earlier.schema(), proposed.schema(), changes));
        return changes;
    }

    private static void judge(Difference difference, JsonNode earlier, JsonNode proposed, List<SchemaChange> changes) {
        String path = difference.getPathUpdated();
        DiffType type = difference.getDiffType();
        if (path.endsWith(PROPERTIES_REMOVED)) {
            String object = path.substring(0, path.length() - PROPERTIES_REMOVED.length());
            for (String name : missing(earlier, proposed, object, "properties")) {
                changes.add(new SchemaChange("FIELD_REMOVED", object + "/properties/" + name,
                        "field " + name + " was removed (" + type.name() + ")"));
            }
        } else if (NEWLY_REQUIRED.contains(type)) {
            String object = path.endsWith("/required") ? path.substring(0, path.length() - "/required".length()) : path;
            for (String name : missing(proposed, earlier, object, "required")) {
                changes.add(new SchemaChange("FIELD_NEWLY_REQUIRED", object + "/properties/" + name,
                        "field " + name + " is newly required (" + type.name() + ")"));
            }
        } else if (TYPE_CHANGED.contains(type)) {
            changes.add(new SchemaChange("FIELD_TYPE_CHANGED", path, "type changed (" + type.name() + ") from "
                    + difference.getSubSchemaOriginal() + " to " + difference.getSubSchemaUpdated()));
        }
    }

    /**
     * The names that {@code from}'s object at {@code path} lists under {@code keyword} and {@code to}'s does not; when
     * the diff's path is not a pointer into both documents (behind a {@code $ref} or a combinator), one unnamed entry.
     */
    private static Set<String> missing(JsonNode from, JsonNode to, String path, String keyword) {
        JsonNode listed = at(from, path).path(keyword);
        JsonNode kept = at(to, path).path(keyword);
        if (listed.isMissingNode()) {
            return Set.of("?");
        }
        Set<String> names = new LinkedHashSet<>();
        if (listed.isArray()) {
            listed.forEach(name -> names.add(name.asText()));
            kept.forEach(name -> names.remove(name.asText()));
        } else {
            listed.fieldNames().forEachRemaining(names::add);
            kept.fieldNames().forEachRemaining(names::remove);
        }
        return names;
    }

    private static JsonNode at(JsonNode document, String path) {
        try {
            return path.isEmpty() ? document : document.at(JsonPointer.compile(path));
        } catch (IllegalArgumentException notAPointer) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static SchemaChange change(Difference difference) {
        String path = difference.getPathUpdated();
        return new SchemaChange(difference.getDiffType().name(), path.isEmpty() ? "/" : path,
                "was " + difference.getSubSchemaOriginal() + ", now " + difference.getSubSchemaUpdated());
    }
}
