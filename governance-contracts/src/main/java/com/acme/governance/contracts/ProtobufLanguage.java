package com.acme.governance.contracts;

import com.acme.governance.api.dataproduct.ContractReference;
import com.acme.governance.contracts.ContractCompatibility.Version;
import com.fasterxml.jackson.databind.JsonNode;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import io.apicurio.registry.protobuf.ProtobufDifference;
import io.apicurio.registry.rules.compatibility.protobuf.ProtobufCompatibilityCheckerLibrary;
import io.apicurio.registry.utils.protobuf.schema.FileDescriptorUtils;
import io.apicurio.registry.utils.protobuf.schema.ProtobufFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Protocol Buffers, the contract's {@code .proto} text as a JSON string: read by Square's Wire parser and built into
 * a descriptor by Apicurio's utilities (so an unknown type is refused as well as bad syntax), compared by Apicurio
 * Registry's Protobuf rules (protolock's: no reserved field reused or unreserved, no field removed without
 * reservation, no number, type, label or name changed, no RPC removed or changed, no proto2 required field added).
 * Those rules compare a file before and after, not a reader and a writer: forward (the files swapped) therefore
 * refuses a field added, seen from the new file as one the old removed (ADR 0048). Each of the library's checks is
 * called on its own, so that every difference carries the name of the rule that found it; Apicurio's own checker
 * would answer one sentence, and its {@code FULL} accepts what either direction accepts.
 */
final class ProtobufLanguage implements SchemaLanguage {

    private static final Pattern MESSAGE = Pattern.compile("message (\\S+)");
    private static final Pattern IMPORT = Pattern.compile("import (public |weak )?\"([^\"]+)\";");

    /**
     * Parses the file and builds its descriptor, which resolves every type it names: those of the files it imports
     * are the referenced contract versions', each built first under its name {@code {productId}@{version}}.
     */
    @Override
    public void read(Version version) {
        ProtoFileElement element = element(version.schema());
        if (version.references().isEmpty()) {
            try {
                FileDescriptorUtils.protoFileToFileDescriptor(element);
                return;
            } catch (Exception | LinkageError e) {
                throw new UnreadableContractException("not a Protobuf schema: " + e.getMessage(), e);
            }
        }
        // Wire's loader finds a file of package a.b only under a/b/: each referenced version is laid out there
        // and the imports naming it are pointed at that path, for reading only
        Map<String, String> paths = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        String reading = "";
        try {
            for (ContractCompatibility.Referenced reference : version.references()) {
                reading = " (in " + reference.name() + ")";
                ProtoFileElement referenced = element(reference.schema());
                String directory = referenced.getPackageName() == null ? ""
                        : referenced.getPackageName().replace('.', '/') + "/";
                paths.put(reference.name(), directory + reference.name() + ".proto");
                files.put(referenced.getPackageName() == null ? reference.name()
                        : referenced.getPackageName() + "/" + reference.name(), pointed(referenced, paths));
            }
            reading = "";
            FileDescriptorUtils.toFileDescriptorProto(pointed(element, paths), "contract",
                    Optional.ofNullable(element.getPackageName()), files);
        } catch (Exception | LinkageError e) {
            throw new UnreadableContractException("not a Protobuf schema" + reading + ": " + e.getMessage(), e);
        }
    }

    /** The file's text with each import of a referenced version naming where the loader finds it. */
    private static String pointed(ProtoFileElement element, Map<String, String> paths) {
        Matcher imports = IMPORT.matcher(element.toSchema());
        StringBuilder text = new StringBuilder();
        while (imports.find()) {
            String path = paths.getOrDefault(imports.group(2), imports.group(2));
            imports.appendReplacement(text, Matcher.quoteReplacement("import " + Objects.requireNonNullElse(
                    imports.group(1), "") + "\"" + path + "\";"));
        }
        imports.appendTail(text);
        return text.toString();
    }

    @Override
    public Set<String> namedReferences(JsonNode schema) {
        ProtoFileElement element = element(schema);
        Set<String> names = new TreeSet<>();
        Stream.concat(element.getImports().stream(), element.getPublicImports().stream())
                .filter(ContractReference::isReference)
                .forEach(names::add);
        return names;
    }

    /**
     * The file as the rules compare it. Every schema compared was read first (the proposed one by
     * {@link ContractCompatibility#check}, the earlier ones when they were published), so its descriptor is not
     * built again.
     */
    private static ProtobufFile parse(JsonNode schema) {
        return new ProtobufFile(element(schema));
    }

    private static ProtoFileElement element(JsonNode schema) {
        if (schema == null || !schema.isTextual()) {
            throw new UnreadableContractException("a Protobuf schema is the .proto file's text, as a JSON string", null);
        }
        try {
            return ProtobufFile.toProtoFileElement(schema.asText());
        } catch (Exception | LinkageError e) {
            throw new UnreadableContractException("not a Protobuf schema: " + e.getMessage(), e);
        }
    }

    @Override
    public List<SchemaChange> unreadable(Version writer, Version reader) {
        ProtobufFile written = parse(writer.schema());
        ProtobufCompatibilityCheckerLibrary rules = new ProtobufCompatibilityCheckerLibrary(written,
                parse(reader.schema()));
        List<SchemaChange> changes = new ArrayList<>();
        add(changes, "NO_USING_RESERVED_FIELDS", rules::checkNoUsingReservedFields);
        add(changes, "NO_REMOVING_RESERVED_FIELDS", rules::checkNoRemovingReservedFields);
        add(changes, "NO_REMOVING_FIELDS_WITHOUT_RESERVE", rules::checkNoRemovingFieldsWithoutReserve);
        add(changes, "NO_CHANGING_FIELD_IDS", rules::checkNoChangingFieldIDs);
        add(changes, "NO_CHANGING_FIELD_TYPES", rules::checkNoChangingFieldTypes);
        add(changes, "NO_CHANGING_FIELD_NAMES", rules::checkNoChangingFieldNames);
        add(changes, "NO_REMOVING_SERVICE_RPCS", rules::checkNoRemovingServiceRPCs);
        add(changes, "NO_CHANGING_RPC_SIGNATURE", rules::checkNoChangingRPCSignature);
        if (written.getSyntax() == Syntax.PROTO_2) {
            add(changes, "REQUIRED_FIELDS", rules::checkRequiredFields);
        }
        return changes;
    }

    private static void add(List<SchemaChange> changes, String rule, Supplier<List<ProtobufDifference>> check) {
        for (ProtobufDifference difference : check.get()) {
            Matcher message = MESSAGE.matcher(difference.getMessage());
            changes.add(new SchemaChange(rule, message.find() ? "/" + message.group(1).replace(",", "") : "/",
                    difference.getMessage()));
        }
    }

    /**
     * The brief's rule in Protobuf's terms: a field is its name and its number. A name gone is a field removed, the
     * same name under another number is one removed for every reader of the old number, another type (or singular
     * becoming repeated) a type changed; a proto2 field that becomes or arrives {@code required} is newly required.
     */
    @Override
    public List<SchemaChange> consumerBreaking(Version earlier, Version proposed) {
        ProtobufFile before = parse(earlier.schema());
        ProtobufFile after = parse(proposed.schema());
        List<SchemaChange> changes = new ArrayList<>();
        Map<String, Map<String, FieldElement>> afterMessages = after.getFieldMap();
        new TreeMap<>(before.getFieldMap()).forEach((message, fields) -> {
            Map<String, FieldElement> successors = afterMessages.getOrDefault(message, Map.of());
            new TreeMap<>(fields).forEach((name, field) -> {
                String path = "/" + message + "/" + name;
                FieldElement successor = successors.get(name);
                if (successor == null) {
                    changes.add(new SchemaChange("FIELD_REMOVED", path, "field " + name + " = " + field.getTag()
                            + " of " + message + " was removed"));
                } else if (successor.getTag() != field.getTag()) {
                    changes.add(new SchemaChange("FIELD_RENUMBERED", path, "field " + name + " of " + message
                            + " was renumbered from " + field.getTag() + " to " + successor.getTag()
                            + ": readers of " + field.getTag() + " no longer find it"));
                } else if (!type(before, field).equals(type(after, successor))
                        || repeated(field) != repeated(successor)) {
                    changes.add(new SchemaChange("FIELD_TYPE_CHANGED", path, "type of " + name + " changed from "
                            + describe(field) + " to " + describe(successor)));
                } else if (required(successor) && !required(field)) {
                    changes.add(new SchemaChange("FIELD_NEWLY_REQUIRED", path, "field " + name + " of " + message
                            + " became required"));
                }
            });
        });
        new TreeMap<>(afterMessages).forEach((message, fields) -> {
            Map<String, FieldElement> known = before.getFieldMap().getOrDefault(message, Map.of());
            new TreeMap<>(fields).forEach((name, field) -> {
                if (!known.containsKey(name) && required(field)) {
                    changes.add(new SchemaChange("FIELD_NEWLY_REQUIRED", "/" + message + "/" + name, "field " + name
                            + " of " + message + " was added as required"));
                }
            });
        });
        return changes;
    }

    private static String type(ProtobufFile file, FieldElement field) {
        String type = field.getType();
        if (type.startsWith(".")) {
            String qualified = type.substring(1);
            String pkg = file.getPackageName();
            return pkg != null && qualified.startsWith(pkg + ".") ? qualified.substring(pkg.length() + 1) : qualified;
        }
        return type;
    }

    private static boolean repeated(FieldElement field) {
        return field.getLabel() == Field.Label.REPEATED;
    }

    private static boolean required(FieldElement field) {
        return field.getLabel() == Field.Label.REQUIRED;
    }

    private static String describe(FieldElement field) {
        return (repeated(field) ? "repeated " : "") + Objects.requireNonNullElse(field.getType(), "?");
    }
}
