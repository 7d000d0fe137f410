package com.acme.governance.contracts;

import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.api.dataproduct.SchemaType;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a proposed contract version keeps what a compatibility mode asks of the versions before it, each schema
 * type judged by its own maintained library (ADR 0048): every difference that breaks a rule, named as the library
 * names it, with the rule, the mode and the version it was compared with.
 */
public final class ContractCompatibility {

    private static final Map<SchemaType, SchemaLanguage> LANGUAGES = new EnumMap<>(Map.of(
            SchemaType.JSON_SCHEMA, new JsonSchemaLanguage(),
            SchemaType.AVRO, new AvroLanguage(),
            SchemaType.PROTOBUF, new ProtobufLanguage()));

    private ContractCompatibility() {
    }

    /**
     * A version of a contract.
     *
     * @param references every contract version its schema needs to be read, its references' references included,
     *                   each after those it needs itself
     */
    public record Version(String version, SchemaType schemaType, JsonNode schema, List<Referenced> references) {

        public Version {
            references = references == null ? List.of() : List.copyOf(references);
        }

        public Version(String version, SchemaType schemaType, JsonNode schema) {
            this(version, schemaType, schema, List.of());
        }
    }

    /** A contract version another one references, under its name {@code {productId}@{version}}. */
    public record Referenced(String name, SchemaType schemaType, JsonNode schema) {
    }

    /** Refuses a schema its type cannot read ({@link UnreadableContractException}). */
    public static void read(SchemaType schemaType, JsonNode schema) {
        read(new Version("", schemaType, schema));
    }

    /** Refuses a version its type cannot read with the references it names ({@link UnreadableContractException}). */
    public static void read(Version version) {
        for (Referenced reference : version.references()) {
            if (reference.schemaType() != version.schemaType()) {
                throw new UnreadableContractException("a " + version.schemaType() + " contract cannot reference "
                        + reference.name() + ", a " + reference.schemaType() + " contract", null);
            }
        }
        language(version.schemaType()).read(version);
    }

    /**
     * The contract versions a schema names itself as {@code {productId}@{version}}: a JSON Schema's {@code $ref}s
     * (before any {@code #} fragment), a Protobuf file's imports. Avro has no such syntax: its references are listed
     * beside the schema.
     */
    public static Set<String> namedReferences(SchemaType schemaType, JsonNode schema) {
        return language(schemaType).namedReferences(schema);
    }

    /**
     * The differences that break the mode's rules, empty when the proposed version keeps them.
     *
     * @param earlier the versions the mode is to keep, oldest first: those of the proposed version's major version
     *                (a new major version may break, so the caller passes none)
     */
    public static List<ContractDifference> check(CompatibilityMode mode, List<Version> earlier, Version proposed) {
        read(proposed);
        if (mode == CompatibilityMode.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<Version> against = new ArrayList<>(mode.transitive() ? earlier : earlier.subList(earlier.size() - 1,
                earlier.size()));
        Collections.reverse(against); // the latest first
        List<ContractDifference> differences = new ArrayList<>();
        for (Version version : against) {
            if (version.schemaType() != proposed.schemaType()) {
                differences.add(new ContractDifference("SCHEMA_TYPE_CHANGED", "/", version.schemaType() + " became "
                        + proposed.schemaType(), mode, "a contract keeps its schema type within a major version",
                        version.version()));
                continue;
            }
            SchemaLanguage language = language(proposed.schemaType());
            try {
                compare(differences, language, mode, version, proposed);
            } catch (UnreadableContractException e) {
                throw e;
            } catch (RuntimeException e) {
                // a schema its library reads but cannot compare: the input's doing, answered as such, never a 500
                throw new UnreadableContractException("version " + proposed.version() + " could not be compared with "
                        + version.version() + ": " + e, e);
            }
        }
        return differences;
    }

    private static void compare(List<ContractDifference> differences, SchemaLanguage language, CompatibilityMode mode,
                                Version version, Version proposed) {
        if (mode == CompatibilityMode.CONSUMER_SAFE) {
            add(differences, language.consumerBreaking(version, proposed), mode,
                    "no field removed, none newly required, no field's type changed", version);
        }
        if (mode.checksBackward()) {
            add(differences, language.unreadable(version, proposed), mode,
                    "backward: consumers of " + proposed.version() + " read data written with " + version.version(),
                    version);
        }
        if (mode.checksForward()) {
            add(differences, language.unreadable(proposed, version), mode,
                    "forward: consumers of " + version.version() + " read data written with " + proposed.version(),
                    version);
        }
    }

    private static void add(List<ContractDifference> differences, List<SchemaChange> changes, CompatibilityMode mode,
                            String rule, Version against) {
        changes.forEach(change -> differences.add(new ContractDifference(change.difference(), change.path(),
                change.detail(), mode, rule, against.version())));
    }

    private static SchemaLanguage language(SchemaType schemaType) {
        SchemaLanguage language = LANGUAGES.get(schemaType);
        if (language == null) {
            throw new UnreadableContractException("schema type " + schemaType + " is not checked yet", null);
        }
        return language;
    }
}
