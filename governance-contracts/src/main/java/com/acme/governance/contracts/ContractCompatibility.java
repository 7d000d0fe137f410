package com.acme.governance.contracts;

import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.api.dataproduct.SchemaType;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    /** A version of a contract. */
    public record Version(String version, SchemaType schemaType, JsonNode schema) {
    }

    /** Refuses a schema its type cannot read ({@link UnreadableContractException}). */
    public static void read(SchemaType schemaType, JsonNode schema) {
        language(schemaType).read(schema);
    }

    /**
     * The differences that break the mode's rules, empty when the proposed version keeps them.
     *
     * @param earlier the versions the mode is to keep, oldest first: those of the proposed version's major version
     *                (a new major version may break, so the caller passes none)
     */
    public static List<ContractDifference> check(CompatibilityMode mode, List<Version> earlier, Version proposed) {
        read(proposed.schemaType(), proposed.schema());
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
            add(differences, language.consumerBreaking(version.schema(), proposed.schema()), mode,
                    "no field removed, none newly required, no field's type changed", version);
        }
        if (mode.checksBackward()) {
            add(differences, language.unreadable(version.schema(), proposed.schema()), mode,
                    "backward: consumers of " + proposed.version() + " read data written with " + version.version(),
                    version);
        }
        if (mode.checksForward()) {
            add(differences, language.unreadable(proposed.schema(), version.schema()), mode,
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
