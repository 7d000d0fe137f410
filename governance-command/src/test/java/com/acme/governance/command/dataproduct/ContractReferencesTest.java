package com.acme.governance.command.dataproduct;

import com.acme.governance.api.dataproduct.ContractReference;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.PublishContractVersion;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.edge.problem.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.acme.governance.command.dataproduct.DataProductFixtures.ALICE;
import static com.acme.governance.command.dataproduct.DataProductFixtures.ORDERS;
import static com.acme.governance.command.dataproduct.DataProductFixtures.json;
import static com.acme.governance.command.dataproduct.DataProductFixtures.registered;
import static org.hamcrest.Matchers.containsString;

/**
 * A contract that references another product's contract versions: resolved from the catalog, read and compared with
 * them, recorded with the event; one that the catalog does not have is refused. One rule a test.
 */
class ContractReferencesTest {

    private static final String CUSTOMER_V1 = "{'type':'object','required':['id'],'properties':{'id':{'type':'string'},"
            + "'name':{'type':'string'}}}";
    private static final String CUSTOMER_V2 = "{'type':'object','required':['id'],'properties':{'id':{'type':'string'}}}";
    private static final String ORDER_OF_V1 = "{'type':'object','properties':{'customer':{'$ref':'crm.customers@1.0.0'}}}";
    private static final String ORDER_OF_V2 = "{'type':'object','properties':{'customer':{'$ref':'crm.customers@2.0.0'}}}";
    private static final String AVRO_CUSTOMER = "{'type':'record','name':'Customer','namespace':'crm',"
            + "'fields':[{'name':'id','type':'string'}]}";
    private static final String AVRO_ORDER = "{'type':'record','name':'Order','namespace':'sales',"
            + "'fields':[{'name':'customer','type':'crm.Customer'}]}";
    private static final String PROTO_CUSTOMER = "syntax = \"proto3\";\npackage crm;\nmessage Customer { string id = 1; }\n";
    private static final String PROTO_ORDER = "syntax = \"proto3\";\npackage sales;\nimport \"crm.customers@1.0.0\";\n"
            + "message Order { crm.Customer customer = 1; }\n";

    private final MapContractCatalog catalog = new MapContractCatalog()
            .with("crm.customers@1.0.0", SchemaType.JSON_SCHEMA, json(CUSTOMER_V1))
            .with("crm.customers@2.0.0", SchemaType.JSON_SCHEMA, json(CUSTOMER_V2))
            .with("crm.avro-customers@1.0.0", SchemaType.AVRO, json(AVRO_CUSTOMER))
            .with("crm.proto-customers@1.0.0", SchemaType.PROTOBUF, new TextNode(PROTO_CUSTOMER));
    private AggregateTestFixture<DataProduct> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataProduct.class);
        fixture.registerInjectableResource(catalog);
    }

    @Test
    void aJsonSchemaRefToAnotherProductsVersionIsResolvedAndRecorded() {
        fixture.given(registered())
                .when(publish("1.0.0", SchemaType.JSON_SCHEMA, json(ORDER_OF_V1)), ALICE)
                .expectEvents(published("1.0.0", SchemaType.JSON_SCHEMA, json(ORDER_OF_V1), "crm.customers@1.0.0"));
    }

    @Test
    void aRefThatTheCatalogDoesNotHaveIsRefused() {
        fixture.given(registered())
                .when(publish("1.0.0", SchemaType.JSON_SCHEMA, json(
                        "{'type':'object','properties':{'customer':{'$ref':'crm.customers@9.0.0'}}}")), ALICE)
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(containsString("crm.customers@9.0.0"))
                .expectNoEvents();
    }

    @Test
    void aRefOutsideTheCatalogIsNeverFetched() {
        fixture.given(registered())
                .when(publish("1.0.0", SchemaType.JSON_SCHEMA, json(
                        "{'type':'object','properties':{'customer':{'$ref':'https://example.com/customer.json'}}}")),
                        ALICE)
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(containsString("never fetched"))
                .expectNoEvents();
    }

    @Test
    void aFieldRemovedInTheReferencedVersionBreaksTheReferencingContract() {
        fixture.given(registered(), published("1.0.0", SchemaType.JSON_SCHEMA, json(ORDER_OF_V1),
                        "crm.customers@1.0.0"))
                .when(publish("1.1.0", SchemaType.JSON_SCHEMA, json(ORDER_OF_V2)), ALICE)
                .expectException(IncompatibleContractException.class)
                .expectExceptionMessage(containsString("FIELD_REMOVED"))
                .expectNoEvents();
    }

    @Test
    void anAvroContractUsesTheNamedTypesOfTheVersionsItLists() {
        fixture.given(registered())
                .when(publish("1.0.0", SchemaType.AVRO, json(AVRO_ORDER), "crm.avro-customers@1.0.0"), ALICE)
                .expectEvents(published("1.0.0", SchemaType.AVRO, json(AVRO_ORDER), "crm.avro-customers@1.0.0"));
    }

    @Test
    void anAvroContractNamingATypeNoListedVersionDefinesIsRefused() {
        fixture.given(registered())
                .when(publish("1.0.0", SchemaType.AVRO, json(AVRO_ORDER)), ALICE)
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(containsString("crm.Customer"))
                .expectNoEvents();
    }

    @Test
    void aProtobufImportOfAnotherProductsVersionIsResolved() {
        String order = PROTO_ORDER.replace("crm.customers@1.0.0", "crm.proto-customers@1.0.0");
        fixture.given(registered())
                .when(publish("1.0.0", SchemaType.PROTOBUF, new TextNode(order)), ALICE)
                .expectEvents(published("1.0.0", SchemaType.PROTOBUF, new TextNode(order),
                        "crm.proto-customers@1.0.0"));
    }

    @Test
    void aProtobufImportTheCatalogDoesNotHaveIsRefused() {
        fixture.given(registered())
                .when(publish("1.0.0", SchemaType.PROTOBUF, new TextNode(PROTO_ORDER.replace("crm.customers@1.0.0",
                        "crm.proto-customers@3.0.0"))), ALICE)
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(containsString("crm.proto-customers@3.0.0"))
                .expectNoEvents();
    }

    @Test
    void aContractReferencesContractsOfItsOwnSchemaTypeOnly() {
        fixture.given(registered())
                .when(publish("1.0.0", SchemaType.AVRO, json(AVRO_ORDER), "crm.customers@1.0.0"), ALICE)
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(containsString("JSON_SCHEMA contract"))
                .expectNoEvents();
    }

    @Test
    void aNewMajorVersionMayDropAReference() {
        fixture.given(registered(), published("1.0.0", SchemaType.JSON_SCHEMA, json(ORDER_OF_V1),
                        "crm.customers@1.0.0"))
                .when(publish("2.0.0", SchemaType.JSON_SCHEMA, json("{'type':'object'}")), ALICE)
                .expectEvents(published("2.0.0", SchemaType.JSON_SCHEMA, json("{'type':'object'}")));
    }

    private static PublishContractVersion publish(String version, SchemaType type, JsonNode schema,
                                                  String... references) {
        return new PublishContractVersion(ORDERS, SemanticVersion.parse(version), type, schema,
                List.of(references).stream().map(ContractReference::of).toList(), null);
    }

    private static ContractVersionPublished published(String version, SchemaType type, JsonNode schema,
                                                      String... references) {
        return new ContractVersionPublished(ORDERS, SemanticVersion.parse(version), type, schema,
                List.of(references).stream().map(ContractReference::of).toList(), null);
    }
}
