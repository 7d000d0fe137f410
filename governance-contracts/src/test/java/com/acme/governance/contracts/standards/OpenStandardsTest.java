package com.acme.governance.contracts.standards;

import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.PortKind;
import com.acme.governance.api.dataproduct.SchemaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every export is a document of its standard, as the standard's own JSON Schema says, and carries its contract. */
class OpenStandardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenStandards.Product ORDERS = new OpenStandards.Product("sales.orders", "sales", "orders",
            "Orders", "Every order placed", "sales", DataProductStatus.PUBLISHED, List.of("pii", "finance"),
            List.of(new OutputPort("events", PortKind.KAFKA_TOPIC, "sales.orders.v1"),
                    new OutputPort("table", PortKind.TABLE, "warehouse.orders")),
            Instant.parse("2026-12-01T10:00:00Z"));

    static Stream<Arguments> contracts() throws Exception {
        return Stream.of(
                Arguments.of(SchemaType.JSON_SCHEMA, JSON.readTree("""
                        {"type": "object", "title": "Order", "required": ["id", "placedAt"],
                         "properties": {"id": {"type": "string", "maxLength": 36, "pattern": "^[a-f0-9-]+$"},
                          "placedAt": {"type": "string", "format": "date-time", "description": "when"},
                          "total": {"type": "number", "minimum": 0, "exclusiveMaximum": 1000000},
                          "note": {"type": ["string", "null"]},
                          "lines": {"type": "array", "minItems": 1, "items": {"type": "object",
                            "properties": {"sku": {"type": "string"}}, "required": ["sku"]}},
                          "status": {"enum": ["OPEN", "PAID"]},
                          "address": {"type": "object", "properties": {"city": {"type": "string"}}}}}"""),
                        List.of("id", "placedAt", "total", "note", "lines", "status", "address")),
                Arguments.of(SchemaType.AVRO, JSON.readTree("""
                        {"type": "record", "name": "Order", "namespace": "sales", "fields": [
                         {"name": "id", "type": "string", "doc": "the order"},
                         {"name": "placedAt", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                         {"name": "note", "type": ["null", "string"], "default": null},
                         {"name": "lines", "type": {"type": "array", "items": "string"}},
                         {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
                           {"name": "city", "type": "string"}]}}]}"""),
                        List.of("id", "placedAt", "note", "lines", "address")),
                Arguments.of(SchemaType.PROTOBUF, TextNode.valueOf("""
                        syntax = "proto3"; package sales;
                        message Order { string id = 1; int64 cents = 2; repeated string skus = 3; Address address = 4; }
                        message Address { string city = 1; }"""), List.of("id", "cents", "skus", "address")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void aContractVersionIsAnOdcsDocumentWithItsFieldsAndItsSchema(SchemaType type, JsonNode schema,
                                                                   List<String> fields) {
        ObjectNode document = OpenStandards.odcs(ORDERS, new OpenStandards.Contract("1.2.0", type, schema,
                Instant.parse("2026-12-02T10:00:00Z")));

        assertThat(StandardSchemas.odcsProblems(document)).as(document.toPrettyString()).isEmpty();
        assertThat(document.path("version").asText()).isEqualTo("1.2.0");
        assertThat(document.path("status").asText()).isEqualTo("active");
        JsonNode object = document.path("schema").path(0);
        assertThat(object.path("physicalName").asText()).isEqualTo("sales.orders.v1");
        assertThat(object.path("properties")).extracting(property -> property.path("name").asText())
                .containsExactlyElementsOf(fields);
        assertThat(object.path("customProperties")).anySatisfy(custom -> {
            assertThat(custom.path("property").asText()).isEqualTo(OpenStandards.SCHEMA_PROPERTY);
            assertThat(custom.path("value")).isEqualTo(schema);
        });
    }

    @Test
    void aJsonSchemasTypesBoundsAndNullabilityBecomeOdcsTerms() throws Exception {
        JsonNode schema = contracts().findFirst().orElseThrow().get()[1] instanceof JsonNode node ? node : null;
        JsonNode properties = OpenStandards.odcs(ORDERS, new OpenStandards.Contract("1.0.0", SchemaType.JSON_SCHEMA,
                schema, null)).path("schema").path(0).path("properties");

        assertThat(properties.path(0).path("logicalTypeOptions").path("maxLength").asInt()).isEqualTo(36);
        assertThat(properties.path(0).path("required").asBoolean()).isTrue();
        assertThat(properties.path(1).path("logicalType").asText()).isEqualTo("timestamp");
        assertThat(properties.path(2).path("logicalTypeOptions").path("exclusiveMaximum").asInt()).isEqualTo(1000000);
        assertThat(properties.path(3).path("logicalType").asText()).as("nullable string").isEqualTo("string");
        assertThat(properties.path(4).path("items").path("properties").path(0).path("name").asText()).isEqualTo("sku");
        assertThat(properties.path(5).has("logicalType")).as("an enum has no ODCS type").isFalse();
    }

    @Test
    void aProductIsAnOdpsDescriptorWithItsPortsAtTheLatestContract() {
        ObjectNode descriptor = OpenStandards.odps(ORDERS, Optional.of("1.2.0"));

        assertThat(StandardSchemas.odpsProblems(descriptor)).as(descriptor.toPrettyString()).isEmpty();
        assertThat(descriptor.path("outputPorts")).hasSize(2).allSatisfy(port -> {
            assertThat(port.path("version").asText()).isEqualTo("1.2.0");
            assertThat(port.path("contractId").asText()).isEqualTo("sales.orders");
        });
        assertThat(StandardSchemas.odpsProblems(OpenStandards.odps(ORDERS, Optional.empty()))).isEmpty();
    }

    @Test
    void theStandardsSchemasRefuseWhatIsNotADocumentOfTheirs() {
        ObjectNode document = OpenStandards.odcs(ORDERS, new OpenStandards.Contract("1.0.0", SchemaType.PROTOBUF,
                TextNode.valueOf("syntax = \"proto3\"; message Order { string id = 1; }"), null));
        document.remove("status");
        ((ObjectNode) document.path("schema").path(0)).put("colour", "red");
        assertThat(StandardSchemas.odcsProblems(document)).hasSizeGreaterThanOrEqualTo(2);

        ObjectNode descriptor = OpenStandards.odps(ORDERS, Optional.empty());
        descriptor.put("kind", "DataContract");
        assertThat(StandardSchemas.odpsProblems(descriptor)).isNotEmpty();
    }
}
