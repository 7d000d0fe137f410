package com.acme.governance.contracts;

import com.acme.governance.contracts.ContractCompatibility.Version;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Avro, read by Apache Avro's own parser and judged by its {@link SchemaCompatibility}, the reader and writer rules
 * Schema Registry applies. The brief's rule walks the records itself: Avro has no notion of a removed field (a reader
 * ignores what it does not know), and in Avro a field without a default is a required one.
 */
final class AvroLanguage implements SchemaLanguage {

    @Override
    public void read(Version version) {
        parse(version);
    }

    /**
     * The schema read after the contract versions it references, on one parser: their named types are the names the
     * schema may use. A name defined twice is refused by the parser.
     */
    static Schema parse(Version version) {
        Schema.Parser parser = new Schema.Parser();
        String reading = "";
        try {
            for (ContractCompatibility.Referenced reference : version.references()) {
                reading = " (in " + reference.name() + ")";
                parser.parse(reference.schema().toString());
            }
            reading = "";
            return parser.parse(version.schema().toString());
        } catch (AvroRuntimeException e) {
            throw new UnreadableContractException("not an Avro schema" + reading + ": " + e.getMessage(), e);
        }
    }

    /** Avro names other schemas' types by name only; the contract versions defining them are listed beside it. */
    @Override
    public Set<String> namedReferences(JsonNode schema) {
        return Set.of();
    }

    @Override
    public List<SchemaChange> unreadable(Version writer, Version reader) {
        return SchemaCompatibility.checkReaderWriterCompatibility(parse(reader), parse(writer)).getResult()
                .getIncompatibilities().stream()
                .map(found -> new SchemaChange(found.getType().name(),
                        found.getLocation().isEmpty() ? "/" : found.getLocation(), found.getMessage()))
                .toList();
    }

    @Override
    public List<SchemaChange> consumerBreaking(Version earlier, Version proposed) {
        List<SchemaChange> changes = new ArrayList<>();
        compare(parse(earlier), parse(proposed), "", changes, new HashSet<>());
        return changes;
    }

    private static void compare(Schema earlier, Schema proposed, String path, List<SchemaChange> changes,
                                Set<String> comparing) {
        if (earlier.getType() != proposed.getType() || renamed(earlier, proposed)) {
            changes.add(typeChanged(path, earlier, proposed));
            return;
        }
        switch (earlier.getType()) {
            case RECORD -> {
                if (comparing.add(earlier.getFullName() + " " + proposed.getFullName())) {
                    compareFields(earlier, proposed, path, changes, comparing);
                }
            }
            case ARRAY -> compare(earlier.getElementType(), proposed.getElementType(), path + "/items", changes,
                    comparing);
            case MAP -> compare(earlier.getValueType(), proposed.getValueType(), path + "/values", changes,
                    comparing);
            case UNION -> compareBranches(earlier, proposed, path, changes, comparing);
            case FIXED -> {
                if (earlier.getFixedSize() != proposed.getFixedSize()) {
                    changes.add(typeChanged(path, earlier, proposed));
                }
            }
            default -> {
                // primitives and enums of one type: the same type (enum symbols are a matter of the reader rules)
            }
        }
    }

    /** A named type whose name changed, and whose new definition does not keep the old name as an alias. */
    private static boolean renamed(Schema earlier, Schema proposed) {
        boolean named = switch (earlier.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
        return named && !earlier.getFullName().equals(proposed.getFullName())
                && !proposed.getAliases().contains(earlier.getFullName());
    }

    private static void compareFields(Schema earlier, Schema proposed, String path, List<SchemaChange> changes,
                                      Set<String> comparing) {
        for (Schema.Field field : earlier.getFields()) {
            Schema.Field successor = successor(proposed, field);
            String fieldPath = path + "/fields/" + field.name();
            if (successor == null) {
                changes.add(new SchemaChange("FIELD_REMOVED", fieldPath, "field " + field.name() + " of "
                        + earlier.getFullName() + " was removed"));
            } else {
                compare(field.schema(), successor.schema(), fieldPath, changes, comparing);
            }
        }
        for (Schema.Field field : proposed.getFields()) {
            boolean known = earlier.getField(field.name()) != null
                    || field.aliases().stream().anyMatch(alias -> earlier.getField(alias) != null);
            if (!known && !field.hasDefaultValue()) {
                changes.add(new SchemaChange("FIELD_NEWLY_REQUIRED", path + "/fields/" + field.name(), "field "
                        + field.name() + " of " + proposed.getFullName() + " was added without a default"));
            }
        }
    }

    /** The proposed record's field for an earlier one: the same name, or a field that names it as an alias. */
    private static Schema.Field successor(Schema proposed, Schema.Field field) {
        Schema.Field same = proposed.getField(field.name());
        if (same != null) {
            return same;
        }
        return proposed.getFields().stream().filter(candidate -> candidate.aliases().contains(field.name()))
                .findFirst().orElse(null);
    }

    private static void compareBranches(Schema earlier, Schema proposed, String path, List<SchemaChange> changes,
                                        Set<String> comparing) {
        if (!branchNames(earlier).equals(branchNames(proposed))) {
            changes.add(typeChanged(path, earlier, proposed));
            return;
        }
        for (Schema branch : earlier.getTypes()) {
            Schema successor = proposed.getTypes().get(proposed.getIndexNamed(branch.getFullName()));
            compare(branch, successor, path, changes, comparing);
        }
    }

    private static Set<String> branchNames(Schema union) {
        return union.getTypes().stream().map(Schema::getFullName).collect(Collectors.toSet());
    }

    private static SchemaChange typeChanged(String path, Schema earlier, Schema proposed) {
        return new SchemaChange("FIELD_TYPE_CHANGED", path.isEmpty() ? "/" : path,
                "type changed from " + describe(earlier) + " to " + describe(proposed));
    }

    private static String describe(Schema schema) {
        return switch (schema.getType()) {
            case UNION -> schema.getTypes().stream().map(AvroLanguage::describe).toList().toString();
            case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getFullName();
            default -> schema.getType().getName();
        };
    }
}
