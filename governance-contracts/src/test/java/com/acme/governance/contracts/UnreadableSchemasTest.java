package com.acme.governance.contracts;

import com.acme.governance.api.dataproduct.SchemaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every contract is read as a schema of its type before it is compared with anything; what is not one is refused. */
class UnreadableSchemasTest {

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of(SchemaType.JSON_SCHEMA, json("[1, 2]"), "must be a JSON object"),
                Arguments.of(SchemaType.JSON_SCHEMA, json("{\"properties\": {\"a\": {\"$ref\": "
                        + "\"https://example.com/a.json\"}}}"), "never fetched"),
                Arguments.of(SchemaType.AVRO, json("{\"type\": \"record\", \"name\": \"Order\"}"), "not an Avro schema"),
                Arguments.of(SchemaType.AVRO, json("{\"type\": \"record\", \"name\": \"Order\", \"fields\": "
                        + "[{\"name\": \"a\", \"type\": \"Unknown\"}]}"), "not an Avro schema"),
                Arguments.of(SchemaType.PROTOBUF, json("{\"message\": \"Order\"}"), "as a JSON string"),
                Arguments.of(SchemaType.PROTOBUF, text("syntax = \"proto3\"; message Order { string id = }"),
                        "not a Protobuf schema"),
                Arguments.of(SchemaType.PROTOBUF, text("syntax = \"proto3\"; message Order { Customer customer = 1; }"),
                        "not a Protobuf schema"),
                Arguments.of(SchemaType.PROTOBUF, text("syntax = \"proto3\"; message Order { string id = 1; "
                        + "string note = 1; }"), "not a Protobuf schema"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("unreadable")
    void isRefusedSayingWhy(SchemaType type, JsonNode schema, String because) {
        assertThatThrownBy(() -> ContractCompatibility.read(type, schema))
                .isInstanceOf(UnreadableContractException.class).hasMessageContaining(because);
    }

    private static JsonNode json(String text) {
        return CompatibilityCasesTest.parse(text);
    }

    private static JsonNode text(String proto) {
        return JsonNodeFactory.instance.textNode(proto);
    }
}
