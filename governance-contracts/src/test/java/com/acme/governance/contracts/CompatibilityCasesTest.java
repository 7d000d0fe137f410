package com.acme.governance.contracts;

import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.api.dataproduct.SchemaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility cases of issue 13, each with its expected verdict in every mode and the differences named: under
 * the brief's rule ({@code CONSUMER_SAFE}), backward and forward; {@code FULL} is both of these, {@code NONE} nothing,
 * and the transitive forms agree with their plain ones on two versions ({@link TransitiveChainTest} tells them apart).
 * An empty set is "compatible".
 */
class CompatibilityCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String name, SchemaType type, String earlier, String proposed, Set<String> consumerSafe,
                Set<String> backward, Set<String> forward) {

        @Override
        public String toString() {
            return type + ": " + name;
        }
    }

    private static final String OPEN = """
            {"type": "object", "properties": {"id": {"type": "string"}, "total": {"type": "number"}},
             "required": ["id"]}""";
    private static final String CLOSED = """
            {"type": "object", "properties": {"id": {"type": "string"}, "total": {"type": "number"}},
             "required": ["id"], "additionalProperties": false}""";

    static Stream<Case> cases() {
        return Stream.of(
                json("nothing changed", OPEN, OPEN, none(), none(), none()),
                json("only a description added", OPEN, """
                        {"type": "object", "description": "an order", "properties": {"id": {"type": "string"},
                         "total": {"type": "number"}}, "required": ["id"]}""", none(), none(), none()),
                // Schema Registry's most reported surprise: an open model may already have held "note", of any type
                json("optional property added, open model", OPEN, with(OPEN, "\"note\": {\"type\": \"string\"}"),
                        none(), of("OBJECT_TYPE_PROPERTY_SCHEMAS_NARROWED"), none()),
                json("optional property added, closed model", CLOSED, with(CLOSED, "\"note\": {\"type\": \"string\"}"),
                        none(), none(), of("OBJECT_TYPE_PROPERTY_SCHEMAS_NARROWED")),
                json("property removed, open model", OPEN, """
                        {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}""",
                        of("FIELD_REMOVED"), none(), of("OBJECT_TYPE_PROPERTY_SCHEMAS_NARROWED")),
                json("property removed, closed model", CLOSED, """
                        {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"],
                         "additionalProperties": false}""",
                        of("FIELD_REMOVED"), of("OBJECT_TYPE_PROPERTY_SCHEMAS_NARROWED"), none()),
                json("existing property made required", OPEN, OPEN.replace("[\"id\"]", "[\"id\", \"total\"]"),
                        of("FIELD_NEWLY_REQUIRED"), of("OBJECT_TYPE_REQUIRED_PROPERTIES_MEMBER_ADDED"), none()),
                json("required dropped", OPEN, OPEN.replace("\"required\": [\"id\"]", "\"required\": []"),
                        none(), none(), of("OBJECT_TYPE_REQUIRED_PROPERTIES_MEMBER_ADDED")),
                json("required property added with a default (JSON Schema does not read defaults)", CLOSED,
                        with(CLOSED, "\"note\": {\"type\": \"string\", \"default\": \"\"}")
                                .replace("[\"id\"]", "[\"id\", \"note\"]"),
                        of("FIELD_NEWLY_REQUIRED"), of("OBJECT_TYPE_REQUIRED_PROPERTIES_MEMBER_ADDED"),
                        of("OBJECT_TYPE_PROPERTY_SCHEMAS_NARROWED")),
                json("type changed", OPEN, OPEN.replace("\"total\": {\"type\": \"number\"}",
                        "\"total\": {\"type\": \"string\"}"),
                        of("FIELD_TYPE_CHANGED"), of("SUBSCHEMA_TYPE_CHANGED"), of("SUBSCHEMA_TYPE_CHANGED")),
                json("type widened, integer to number", prop("{\"type\": \"integer\"}"), prop("{\"type\": \"number\"}"),
                        of("FIELD_TYPE_CHANGED"), none(), of("NUMBER_TYPE_INTEGER_REQUIRED_FALSE_TO_TRUE")),
                json("type narrowed, number to integer", prop("{\"type\": \"number\"}"), prop("{\"type\": \"integer\"}"),
                        of("FIELD_TYPE_CHANGED"), of("NUMBER_TYPE_INTEGER_REQUIRED_FALSE_TO_TRUE"), none()),
                json("enum extended", prop("{\"enum\": [\"A\", \"B\"]}"), prop("{\"enum\": [\"A\", \"B\", \"C\"]}"),
                        none(), none(), of("ENUM_TYPE_VALUES_MEMBER_REMOVED")),
                json("enum narrowed", prop("{\"enum\": [\"A\", \"B\"]}"), prop("{\"enum\": [\"A\"]}"),
                        none(), of("ENUM_TYPE_VALUES_MEMBER_REMOVED"), none()),
                json("maxLength tightened", prop("{\"type\": \"string\", \"maxLength\": 50}"),
                        prop("{\"type\": \"string\", \"maxLength\": 20}"),
                        none(), of("STRING_TYPE_MAX_LENGTH_DECREASED"), none()),
                json("maxLength loosened", prop("{\"type\": \"string\", \"maxLength\": 20}"),
                        prop("{\"type\": \"string\", \"maxLength\": 50}"),
                        none(), none(), of("STRING_TYPE_MAX_LENGTH_DECREASED")),
                json("minimum added", prop("{\"type\": \"number\"}"), prop("{\"type\": \"number\", \"minimum\": 0}"),
                        none(), of("NUMBER_TYPE_MINIMUM_ADDED"), none()),
                json("maximum lowered", prop("{\"type\": \"number\", \"maximum\": 100}"),
                        prop("{\"type\": \"number\", \"maximum\": 10}"),
                        none(), of("NUMBER_TYPE_MAXIMUM_DECREASED"), none()),
                json("pattern added", prop("{\"type\": \"string\"}"), prop("{\"type\": \"string\", \"pattern\": \"^[A-Z]+$\"}"),
                        none(), of("STRING_TYPE_PATTERN_ADDED"), none()),
                json("oneOf extended", prop("{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}"),
                        prop("{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}, {\"type\": \"boolean\"}]}"),
                        none(), none(), of("COMBINED_TYPE_ONE_OF_SIZE_DECREASED")),
                json("oneOf narrowed", prop("{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}"),
                        prop("{\"oneOf\": [{\"type\": \"string\"}]}"),
                        none(), of("COMBINED_TYPE_ONE_OF_SIZE_DECREASED"), none()),
                json("anyOf extended", prop("{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}"),
                        prop("{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}, {\"type\": \"boolean\"}]}"),
                        none(), none(), of("COMBINED_TYPE_ANY_OF_SIZE_DECREASED")),
                json("model closed", OPEN, CLOSED, none(), of("OBJECT_TYPE_ADDITIONAL_PROPERTIES_TRUE_TO_FALSE"), none()),
                json("model opened", CLOSED, OPEN, none(), none(), of("OBJECT_TYPE_ADDITIONAL_PROPERTIES_TRUE_TO_FALSE")),
                json("minItems added", prop("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}"),
                        prop("{\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"minItems\": 1}"),
                        none(), of("ARRAY_TYPE_MIN_ITEMS_ADDED"), none()),
                json("const changed", prop("{\"const\": \"v1\"}"), prop("{\"const\": \"v2\"}"),
                        none(), of("CONST_TYPE_VALUE_CHANGED"), of("CONST_TYPE_VALUE_CHANGED")),
                json("nested property removed", prop("{\"type\": \"object\", \"properties\": {\"city\": "
                        + "{\"type\": \"string\"}, \"zip\": {\"type\": \"string\"}}, \"additionalProperties\": false}"),
                        prop("{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}, "
                                + "\"additionalProperties\": false}"),
                        of("FIELD_REMOVED"), of("OBJECT_TYPE_PROPERTY_SCHEMAS_NARROWED"), none()),
                json("array items' type changed", prop("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}"),
                        prop("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}}"),
                        of("FIELD_TYPE_CHANGED"), of("SUBSCHEMA_TYPE_CHANGED"), of("SUBSCHEMA_TYPE_CHANGED")),
                json("type changed behind a $ref", ref("{\"type\": \"string\"}"), ref("{\"type\": \"integer\"}"),
                        of("FIELD_TYPE_CHANGED"), of("SUBSCHEMA_TYPE_CHANGED"), of("SUBSCHEMA_TYPE_CHANGED")),
                json("enum narrowed behind a $ref", ref("{\"enum\": [\"A\", \"B\"]}"), ref("{\"enum\": [\"A\"]}"),
                        none(), of("ENUM_TYPE_VALUES_MEMBER_REMOVED"), none()),

                avro("nothing changed", record(INT_A), record(INT_A), none(), none(), none()),
                avro("field added with a default", record(INT_A), record(INT_A + ", " + field("b", "\"string\"", "\"\"")),
                        none(), none(), none()),
                avro("field added without a default", record(INT_A), record(INT_A + ", " + field("b", "\"string\"", null)),
                        of("FIELD_NEWLY_REQUIRED"), of("READER_FIELD_MISSING_DEFAULT_VALUE"), none()),
                avro("field with a default removed", record(INT_A + ", " + field("b", "\"string\"", "\"\"")), record(INT_A),
                        of("FIELD_REMOVED"), none(), none()),
                avro("field without a default removed", record(INT_A + ", " + field("b", "\"string\"", null)),
                        record(INT_A), of("FIELD_REMOVED"), none(), of("READER_FIELD_MISSING_DEFAULT_VALUE")),
                avro("type promoted, int to long", record(INT_A), record(field("a", "\"long\"", null)),
                        of("FIELD_TYPE_CHANGED"), none(), of("TYPE_MISMATCH")),
                avro("type demoted, long to int", record(field("a", "\"long\"", null)), record(INT_A),
                        of("FIELD_TYPE_CHANGED"), of("TYPE_MISMATCH"), none()),
                avro("string to bytes, which Avro promotes both ways", record(field("a", "\"string\"", null)),
                        record(field("a", "\"bytes\"", null)), of("FIELD_TYPE_CHANGED"), none(), none()),
                avro("type changed, int to string", record(INT_A), record(field("a", "\"string\"", null)),
                        of("FIELD_TYPE_CHANGED"), of("TYPE_MISMATCH"), of("TYPE_MISMATCH")),
                avro("enum symbol added", record(field("s", SYMBOLS_AB, null)), record(field("s", SYMBOLS_ABC, null)),
                        none(), none(), of("MISSING_ENUM_SYMBOLS")),
                avro("enum symbol removed", record(field("s", SYMBOLS_ABC, null)), record(field("s", SYMBOLS_AB, null)),
                        none(), of("MISSING_ENUM_SYMBOLS"), none()),
                avro("field renamed, the old name kept as an alias", record(INT_A),
                        record("{\"name\": \"b\", \"type\": \"int\", \"aliases\": [\"a\"]}"),
                        none(), none(), of("READER_FIELD_MISSING_DEFAULT_VALUE")),
                avro("union widened with null", record(field("a", "\"string\"", null)),
                        record(field("a", "[\"null\", \"string\"]", "null")),
                        of("FIELD_TYPE_CHANGED"), none(), of("TYPE_MISMATCH")),
                avro("record renamed", record(INT_A), record(INT_A).replace("\"Order\"", "\"Purchase\""),
                        of("FIELD_TYPE_CHANGED"), of("NAME_MISMATCH"), of("NAME_MISMATCH")),
                avro("fixed size changed", record(field("f", "{\"type\": \"fixed\", \"name\": \"Hash\", \"size\": 16}", null)),
                        record(field("f", "{\"type\": \"fixed\", \"name\": \"Hash\", \"size\": 32}", null)),
                        of("FIELD_TYPE_CHANGED"), of("FIXED_SIZE_MISMATCH"), of("FIXED_SIZE_MISMATCH")),
                avro("nested record's field added without a default",
                        record(field("address", "{\"type\": \"record\", \"name\": \"Address\", \"fields\": ["
                                + field("city", "\"string\"", null) + "]}", null)),
                        record(field("address", "{\"type\": \"record\", \"name\": \"Address\", \"fields\": ["
                                + field("city", "\"string\"", null) + ", " + field("zip", "\"string\"", null) + "]}", null)),
                        of("FIELD_NEWLY_REQUIRED"), of("READER_FIELD_MISSING_DEFAULT_VALUE"), none()),

                proto("nothing changed", message(ID_1), message(ID_1), none(), none(), none()),
                // the library's rules compare files, not readers and writers: forward sees the addition as a removal
                proto("field added", message(ID_1), message(ID_1 + NOTE_2),
                        none(), none(), of("NO_CHANGING_FIELD_NAMES", "NO_REMOVING_FIELDS_WITHOUT_RESERVE")),
                proto("field removed without a reservation", message(ID_1 + NOTE_2), message(ID_1),
                        of("FIELD_REMOVED"), of("NO_CHANGING_FIELD_NAMES", "NO_REMOVING_FIELDS_WITHOUT_RESERVE"),
                        none()),
                // the library's rule on names sees number 2 named nothing: a reservation does not satisfy it
                proto("field removed, its name and number reserved", message(ID_1 + NOTE_2),
                        message(ID_1 + " reserved 2; reserved \"note\";"),
                        of("FIELD_REMOVED"), of("NO_CHANGING_FIELD_NAMES"),
                        of("NO_REMOVING_RESERVED_FIELDS", "NO_USING_RESERVED_FIELDS")),
                proto("reserved number reused", message(ID_1 + " reserved 2;"), message(ID_1 + NOTE_2),
                        none(), of("NO_REMOVING_RESERVED_FIELDS", "NO_USING_RESERVED_FIELDS"),
                        of("NO_CHANGING_FIELD_NAMES", "NO_REMOVING_FIELDS_WITHOUT_RESERVE")),
                proto("field renumbered", message(ID_1 + NOTE_2), message(ID_1 + " string note = 3;"),
                        of("FIELD_RENUMBERED"), of("NO_CHANGING_FIELD_IDS", "NO_CHANGING_FIELD_NAMES"),
                        of("NO_CHANGING_FIELD_IDS", "NO_CHANGING_FIELD_NAMES")),
                proto("field renamed, its number kept", message(ID_1 + NOTE_2), message(ID_1 + " string remark = 2;"),
                        of("FIELD_REMOVED"), of("NO_CHANGING_FIELD_NAMES", "NO_REMOVING_FIELDS_WITHOUT_RESERVE"),
                        of("NO_CHANGING_FIELD_NAMES", "NO_REMOVING_FIELDS_WITHOUT_RESERVE")),
                proto("type changed, string to int64", message(ID_1 + NOTE_2), message(ID_1 + " int64 note = 2;"),
                        of("FIELD_TYPE_CHANGED"), of("NO_CHANGING_FIELD_TYPES"), of("NO_CHANGING_FIELD_TYPES")),
                proto("singular made repeated", message(ID_1 + NOTE_2), message(ID_1 + " repeated string note = 2;"),
                        of("FIELD_TYPE_CHANGED"), of("NO_CHANGING_FIELD_TYPES"), of("NO_CHANGING_FIELD_TYPES")),
                proto("enum value added", ENUM_AB, ENUM_AB.replace("B = 1;", "B = 1; C = 2;"),
                        none(), none(), of("NO_CHANGING_FIELD_NAMES")),
                proto("nested message's field removed", NESTED.formatted(" string zip = 2;"), NESTED.formatted(""),
                        of("FIELD_REMOVED"), of("NO_CHANGING_FIELD_NAMES", "NO_REMOVING_FIELDS_WITHOUT_RESERVE"),
                        none()),
                proto("proto2 required field added", PROTO2.formatted(""),
                        PROTO2.formatted(" required string note = 2;"),
                        of("FIELD_NEWLY_REQUIRED"), of("REQUIRED_FIELDS"),
                        of("NO_CHANGING_FIELD_NAMES", "NO_REMOVING_FIELDS_WITHOUT_RESERVE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachModeGivesItsVerdictAndNamesTheDifferences(Case example) {
        Set<String> full = new TreeSet<>(example.backward());
        full.addAll(example.forward());

        assertThat(names(example, CompatibilityMode.CONSUMER_SAFE)).as("CONSUMER_SAFE")
                .isEqualTo(new TreeSet<>(example.consumerSafe()));
        for (CompatibilityMode backward : EnumSet.of(CompatibilityMode.BACKWARD, CompatibilityMode.BACKWARD_TRANSITIVE)) {
            assertThat(names(example, backward)).as(backward.name()).isEqualTo(new TreeSet<>(example.backward()));
        }
        for (CompatibilityMode forward : EnumSet.of(CompatibilityMode.FORWARD, CompatibilityMode.FORWARD_TRANSITIVE)) {
            assertThat(names(example, forward)).as(forward.name()).isEqualTo(new TreeSet<>(example.forward()));
        }
        for (CompatibilityMode both : EnumSet.of(CompatibilityMode.FULL, CompatibilityMode.FULL_TRANSITIVE)) {
            assertThat(names(example, both)).as(both.name()).isEqualTo(full);
        }
        assertThat(names(example, CompatibilityMode.NONE)).as("NONE").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyDifferenceSaysWhereWhatRuleAndAgainstWhichVersion(Case example) {
        for (CompatibilityMode mode : CompatibilityMode.values()) {
            for (ContractDifference difference : check(example, mode)) {
                assertThat(difference.mode()).isEqualTo(mode);
                assertThat(difference.path()).as(difference.toString()).isNotBlank();
                assertThat(difference.detail()).as(difference.toString()).isNotBlank();
                assertThat(difference.rule()).as(difference.toString()).isNotBlank();
                assertThat(difference.against()).isEqualTo("1.0.0");
            }
        }
    }

    private static Set<String> names(Case example, CompatibilityMode mode) {
        return check(example, mode).stream().map(ContractDifference::difference)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<ContractDifference> check(Case example, CompatibilityMode mode) {
        return ContractCompatibility.check(mode,
                List.of(new ContractCompatibility.Version("1.0.0", example.type(), parse(example.earlier()))),
                new ContractCompatibility.Version("1.1.0", example.type(), parse(example.proposed())));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static Case json(String name, String earlier, String proposed, Set<String> consumerSafe,
                             Set<String> backward, Set<String> forward) {
        return new Case(name, SchemaType.JSON_SCHEMA, earlier, proposed, consumerSafe, backward, forward);
    }

    private static Case proto(String name, String earlier, String proposed, Set<String> consumerSafe,
                              Set<String> backward, Set<String> forward) {
        return new Case(name, SchemaType.PROTOBUF, JSON.getNodeFactory().textNode(earlier).toString(),
                JSON.getNodeFactory().textNode(proposed).toString(), consumerSafe, backward, forward);
    }

    private static Case avro(String name, String earlier, String proposed, Set<String> consumerSafe,
                             Set<String> backward, Set<String> forward) {
        return new Case(name, SchemaType.AVRO, earlier, proposed, consumerSafe, backward, forward);
    }

    private static Set<String> none() {
        return Set.of();
    }

    private static Set<String> of(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }

    /** The open model with one more property. */
    private static String with(String schema, String property) {
        return schema.replace("\"total\": {\"type\": \"number\"}", "\"total\": {\"type\": \"number\"}, " + property);
    }

    /** A closed object whose one property {@code value} has this schema. */
    private static String prop(String value) {
        return "{\"type\": \"object\", \"properties\": {\"value\": " + value + "}, \"additionalProperties\": false}";
    }

    /** The same, with the property's schema behind a {@code $ref} to a definition. */
    private static String ref(String definition) {
        return "{\"type\": \"object\", \"definitions\": {\"code\": " + definition + "}, \"properties\": {\"value\": "
                + "{\"$ref\": \"#/definitions/code\"}}, \"additionalProperties\": false}";
    }

    private static final String INT_A = "{\"name\": \"a\", \"type\": \"int\"}";
    private static final String SYMBOLS_AB = "{\"type\": \"enum\", \"name\": \"Status\", \"symbols\": [\"A\", \"B\"]}";
    private static final String SYMBOLS_ABC =
            "{\"type\": \"enum\", \"name\": \"Status\", \"symbols\": [\"A\", \"B\", \"C\"]}";

    private static final String ID_1 = " string id = 1;";
    private static final String NOTE_2 = " string note = 2;";
    private static final String ENUM_AB = "syntax = \"proto3\"; package sales; enum Status { A = 0; B = 1; }"
            + " message Order { string id = 1; Status status = 2; }";
    private static final String NESTED = "syntax = \"proto3\"; package sales; message Order { string id = 1;"
            + " message Address { string city = 1;%s } Address address = 2; }";
    private static final String PROTO2 = "syntax = \"proto2\"; package sales; message Order {"
            + " optional string id = 1;%s }";

    private static String message(String fields) {
        return "syntax = \"proto3\"; package sales; message Order {" + fields + " }";
    }

    private static String record(String fields) {
        return "{\"type\": \"record\", \"name\": \"Order\", \"namespace\": \"sales\", \"fields\": [" + fields + "]}";
    }

    private static String field(String name, String type, String defaultValue) {
        return "{\"name\": \"" + name + "\", \"type\": " + type
                + (defaultValue == null ? "" : ", \"default\": " + defaultValue) + "}";
    }
}
