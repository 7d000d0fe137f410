package com.acme.governance.contracts.standards;

import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.PortKind;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.contracts.ContractCompatibility;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An ODCS document as a contract version: read, refused with every reason, and exported again as it was. */
class OdcsImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenStandards.Product ORDERS = new OpenStandards.Product("sales.orders", "sales", "orders",
            "Orders", "Every order placed", "sales", DataProductStatus.DRAFT, List.of("pii"),
            List.of(new OutputPort("events", PortKind.KAFKA_TOPIC, "sales.orders.v1")),
            Instant.parse("2026-12-01T10:00:00Z"));

    /** As a team writes it: ODCS properties only, no schema of a schema language. */
    private static final String WRITTEN = """
            apiVersion: v3.1.0
            kind: DataContract
            id: 53581432-6c55-4ba2-a65f-72344a91553a
            name: Orders
            version: 1.0.0
            status: draft
            domain: sales
            description:
              purpose: Every order placed
            schema:
              - name: Order
                logicalType: object
                physicalType: topic
                physicalName: sales.orders.v1
                properties:
                  - name: id
                    logicalType: string
                    physicalType: string
                    required: true
                    logicalTypeOptions:
                      maxLength: 36
                  - name: placedAt
                    logicalType: timestamp
                    physicalType: string
                    required: true
                  - name: total
                    logicalType: number
                    physicalType: number
                    required: false
                    logicalTypeOptions:
                      minimum: 0
                  - name: lines
                    logicalType: array
                    physicalType: array
                    required: false
                    items:
                      logicalType: object
                      physicalType: object
                      properties:
                        - name: sku
                          logicalType: string
                          physicalType: string
                          required: true
            """;

    @Test
    void aDocumentWithPropertiesOnlyBecomesAJsonSchemaOfThoseProperties() throws Exception {
        OdcsImport.Imported imported = OdcsImport.fromYaml(WRITTEN);

        assertThat(imported.version()).isEqualTo("1.0.0");
        assertThat(imported.schemaType()).isEqualTo(SchemaType.JSON_SCHEMA);
        assertThat(imported.schema()).isEqualTo(JSON.readTree("""
                {"type": "object", "title": "Order", "properties": {
                  "id": {"type": "string", "maxLength": 36},
                  "placedAt": {"type": "string", "format": "date-time"},
                  "total": {"type": "number", "minimum": 0},
                  "lines": {"type": "array", "items": {"type": "object",
                    "properties": {"sku": {"type": "string"}}, "required": ["sku"]}}},
                 "required": ["id", "placedAt"]}"""));
        ContractCompatibility.read(imported.schemaType(), imported.schema());
    }

    @Test
    void theSchemaItDerivesDescribesTheSamePropertiesAsTheDocument() {
        OdcsImport.Imported imported = OdcsImport.fromYaml(WRITTEN);

        ObjectNode madeAgain = OpenStandards.odcs(ORDERS, new OpenStandards.Contract(imported.version(),
                imported.schemaType(), imported.schema(), null));

        assertThat(madeAgain.path("schema").path(0).path("properties"))
                .isEqualTo(imported.document().path("schema").path(0).path("properties"));
    }

    @Test
    void anImportedDocumentIsExportedAsWrittenValidAgainstTheStandard() throws Exception {
        OdcsImport.Imported imported = OdcsImport.fromYaml(WRITTEN);

        ObjectNode exported = OpenStandards.odcs(ORDERS, new OpenStandards.Contract(imported.version(),
                imported.schemaType(), imported.schema(), Instant.now(), List.of(), imported.document()));

        assertThat(StandardSchemas.odcsProblems(exported)).isEmpty();
        assertThat(exported).isEqualTo(new YAMLMapper().readTree(WRITTEN));
    }

    @Test
    void anExportOfThisCatalogImportsAsTheSameContract() throws Exception {
        JsonNode avro = JSON.readTree("""
                {"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}]}""");
        ObjectNode exported = OpenStandards.odcs(ORDERS, new OpenStandards.Contract("2.1.0", SchemaType.AVRO, avro,
                Instant.parse("2026-12-02T10:00:00Z")));

        OdcsImport.Imported imported = OdcsImport.fromYaml(new YAMLMapper().writeValueAsString(exported));

        assertThat(imported.version()).isEqualTo("2.1.0");
        assertThat(imported.schemaType()).isEqualTo(SchemaType.AVRO);
        assertThat(imported.schema()).isEqualTo(avro);
    }

    @Test
    void aDocumentTheStandardRefusesIsRefusedWithEveryReason() {
        String broken = WRITTEN.replace("kind: DataContract", "kind: Contract").replace("status: draft\n", "");

        assertThatThrownBy(() -> OdcsImport.fromYaml(broken))
                .isInstanceOfSatisfying(OdcsImport.NotAContractException.class, e -> assertThat(e.problems())
                        .anySatisfy(problem -> assertThat(problem).contains("kind"))
                        .anySatisfy(problem -> assertThat(problem).contains("status")));
    }

    @Test
    void aDocumentOfSeveralSchemaObjectsIsRefused() {
        String two = WRITTEN.replace("schema:\n", "schema:\n  - name: Other\n    logicalType: object\n");

        assertThatThrownBy(() -> OdcsImport.fromYaml(two))
                .isInstanceOf(OdcsImport.NotAContractException.class)
                .hasMessageContaining("one schema object, this document has 2");
    }

    @Test
    void textThatIsNotYamlIsRefused() {
        assertThatThrownBy(() -> OdcsImport.fromYaml("kind: [unclosed"))
                .isInstanceOf(OdcsImport.NotAContractException.class)
                .hasMessageContaining("not YAML");
    }
}
