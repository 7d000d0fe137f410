package com.acme.governance.command.dataproduct;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.dataproduct.ChangeCompatibilityMode;
import com.acme.governance.api.dataproduct.CheckContractVersion;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.api.dataproduct.CompatibilityModeChanged;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.PublishContractVersion;
import com.acme.governance.api.dataproduct.RegisterDataProduct;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.api.dataproduct.Tag;
import com.acme.governance.command.common.NotPermittedException;
import com.acme.governance.contracts.ContractDifference;
import com.acme.governance.edge.problem.InvalidInputException;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.acme.governance.command.dataproduct.DataProductFixtures.ALICE;
import static com.acme.governance.command.dataproduct.DataProductFixtures.BOB;
import static com.acme.governance.command.dataproduct.DataProductFixtures.CAROL_STEWARD;
import static com.acme.governance.command.dataproduct.DataProductFixtures.ORDERS;
import static com.acme.governance.command.dataproduct.DataProductFixtures.PORTS;
import static com.acme.governance.command.dataproduct.DataProductFixtures.json;
import static com.acme.governance.command.dataproduct.DataProductFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** The compatibility mode of a product's contract: set, changed, and applied to each new version, one rule a test. */
class ContractModesTest {

    private static final String OPEN = "{'type':'object','properties':{'id':{'type':'string'}}}";
    private static final String OPEN_WITH_NOTE =
            "{'type':'object','properties':{'id':{'type':'string'},'note':{'type':'string'}}}";
    private static final String AVRO_A = "{'type':'record','name':'Order','fields':[{'name':'a','type':'int'}]}";

    private AggregateTestFixture<DataProduct> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataProduct.class);
        fixture.registerInjectableResource(new MapContractCatalog());
    }

    @Test
    void aRegistrationSetsTheMode() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDataProduct(ORDERS, "Orders", "Every order placed", TeamName.of("sales"),
                        Classification.CONFIDENTIAL, List.of(Tag.of("pii")), PORTS, CompatibilityMode.BACKWARD), ALICE)
                .expectEvents(registeredUnder(CompatibilityMode.BACKWARD));
    }

    @Test
    void withoutAModeARegistrationHasTheBriefsRule() {
        assertThat(registered().compatibilityMode()).isEqualTo(CompatibilityMode.CONSUMER_SAFE);
    }

    @Test
    void theOwnerTeamChangesTheModeAndTheHistoryRecordsIt() {
        fixture.given(registered())
                .when(new ChangeCompatibilityMode(ORDERS, CompatibilityMode.FULL_TRANSITIVE), ALICE)
                .expectEvents(new CompatibilityModeChanged(ORDERS, CompatibilityMode.FULL_TRANSITIVE,
                        CompatibilityMode.CONSUMER_SAFE));
    }

    @Test
    void aStewardChangesTheModeOfAnyProduct() {
        fixture.given(registered())
                .when(new ChangeCompatibilityMode(ORDERS, CompatibilityMode.NONE), CAROL_STEWARD)
                .expectEvents(new CompatibilityModeChanged(ORDERS, CompatibilityMode.NONE,
                        CompatibilityMode.CONSUMER_SAFE));
    }

    @Test
    void nobodyElseChangesTheMode() {
        fixture.given(registered())
                .when(new ChangeCompatibilityMode(ORDERS, CompatibilityMode.NONE), BOB)
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void theModeItAlreadyHasRecordsNothing() {
        fixture.given(registered())
                .when(new ChangeCompatibilityMode(ORDERS, CompatibilityMode.CONSUMER_SAFE), ALICE)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void underBackwardAnOptionalPropertyAddedToAnOpenModelIsRefusedAndNamed() {
        fixture.given(registeredUnder(CompatibilityMode.BACKWARD), jsonVersion("1.0.0", OPEN))
                .when(publish("1.1.0", SchemaType.JSON_SCHEMA, OPEN_WITH_NOTE), ALICE)
                .expectException(IncompatibleContractException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(
                        "OBJECT_TYPE_PROPERTY_SCHEMAS_NARROWED at /propertySchemasAdded"))
                .expectNoEvents();
    }

    @Test
    void underTheBriefsRuleTheSameAdditionIsAccepted() {
        fixture.given(registered(), jsonVersion("1.0.0", OPEN))
                .when(publish("1.1.0", SchemaType.JSON_SCHEMA, OPEN_WITH_NOTE), ALICE)
                .expectEvents(jsonVersion("1.1.0", OPEN_WITH_NOTE));
    }

    @Test
    void underNoneAnythingGoes() {
        fixture.given(registeredUnder(CompatibilityMode.NONE), jsonVersion("1.0.0", OPEN))
                .when(publish("1.0.1", SchemaType.JSON_SCHEMA, "{'type':'object','properties':{'id':{'type':'integer'}}}"),
                        ALICE)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAvroFieldWithoutADefaultIsRefusedUnderBackward() {
        String withB = "{'type':'record','name':'Order','fields':[{'name':'a','type':'int'},"
                + "{'name':'b','type':'string'}]}";
        fixture.given(registeredUnder(CompatibilityMode.BACKWARD), avroVersion("1.0.0", AVRO_A))
                .when(publish("1.1.0", SchemaType.AVRO, withB), ALICE)
                .expectException(IncompatibleContractException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("READER_FIELD_MISSING_DEFAULT_VALUE"))
                .expectNoEvents();
    }

    @Test
    void aTransitiveModeComparesWithEveryVersionOfTheMajorVersion() {
        fixture.given(registeredUnder(CompatibilityMode.BACKWARD_TRANSITIVE), avroVersion("1.0.0", aField("int", "0")),
                        avroVersion("1.1.0", "{'type':'record','name':'Order','fields':[]}"))
                .when(publish("1.2.0", SchemaType.AVRO, aField("string", "''")), ALICE)
                .expectException(IncompatibleContractException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("TYPE_MISMATCH at /fields/0/type"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("against 1.0.0"))
                .expectNoEvents();
    }

    @Test
    void aTransitiveModeLeavesEarlierMajorVersionsOut() {
        fixture.given(registeredUnder(CompatibilityMode.BACKWARD_TRANSITIVE), avroVersion("1.0.0", aField("int", "0")),
                        avroVersion("2.0.0", "{'type':'record','name':'Order','fields':[]}"))
                .when(publish("2.1.0", SchemaType.AVRO, aField("string", "''")), ALICE)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aNewMajorVersionMayBreakWhateverTheMode() {
        fixture.given(registeredUnder(CompatibilityMode.FULL_TRANSITIVE), avroVersion("1.0.0", AVRO_A))
                .when(publish("2.0.0", SchemaType.AVRO, aField("string", null)), ALICE)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theSchemaTypeStaysWithinAMajorVersion() {
        fixture.given(registered(), jsonVersion("1.0.0", OPEN))
                .when(publish("1.1.0", SchemaType.AVRO, AVRO_A), ALICE)
                .expectException(IncompatibleContractException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("SCHEMA_TYPE_CHANGED"))
                .expectNoEvents();
    }

    @Test
    void aProtobufMinorVersionKeepsEveryFieldNumber() {
        String before = "syntax = 'proto3'; message Order { string id = 1; string note = 2; }".replace('\'', '"');
        String renumbered = before.replace("note = 2", "note = 3");
        fixture.given(registered(), new ContractVersionPublished(ORDERS, SemanticVersion.parse("1.0.0"),
                        SchemaType.PROTOBUF, TextNode.valueOf(before)))
                .when(new PublishContractVersion(ORDERS, SemanticVersion.parse("1.1.0"), SchemaType.PROTOBUF,
                        TextNode.valueOf(renumbered)), ALICE)
                .expectException(IncompatibleContractException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("FIELD_RENUMBERED"))
                .expectNoEvents();
    }

    @Test
    void aSchemaItsTypeCannotReadIsBadInput() {
        fixture.given(registered())
                .when(publish("1.0.0", SchemaType.AVRO, "{'type':'record','name':'Order'}"), ALICE)
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aDryRunAnswersWhatPublishingWouldDoAndRecordsNothing() {
        fixture.given(registeredUnder(CompatibilityMode.BACKWARD), jsonVersion("1.0.0", OPEN))
                .when(new CheckContractVersion(ORDERS, SemanticVersion.parse("1.1.0"), SchemaType.JSON_SCHEMA,
                        json(OPEN_WITH_NOTE)), ALICE)
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.<Object>hasToString(
                        org.hamcrest.Matchers.containsString("compatible=false, mode=BACKWARD, latest=1.0.0")));
    }

    @Test
    void aDryRunOfACompatibleVersionSaysSo() {
        fixture.given(registered(), jsonVersion("1.0.0", OPEN))
                .when(new CheckContractVersion(ORDERS, SemanticVersion.parse("1.1.0"), SchemaType.JSON_SCHEMA,
                        json(OPEN_WITH_NOTE)), ALICE)
                .expectNoEvents()
                .expectResultMessagePayload(new ContractCheck(true, CompatibilityMode.CONSUMER_SAFE, "1.0.0", false,
                        List.<ContractDifference>of()));
    }

    @Test
    void aDryRunIsRefusedAsThePublicationWouldBe() {
        fixture.given(registered(), jsonVersion("1.0.0", OPEN))
                .when(new CheckContractVersion(ORDERS, SemanticVersion.parse("1.1.0"), SchemaType.JSON_SCHEMA,
                        json(OPEN_WITH_NOTE)), BOB)
                .expectException(NotPermittedException.class);
    }

    private static DataProductRegistered registeredUnder(CompatibilityMode mode) {
        DataProductRegistered plain = registered();
        return new DataProductRegistered(plain.id(), plain.title(), plain.description(), plain.ownerTeam(),
                plain.classification(), plain.tags(), plain.outputPorts(), mode);
    }

    private static PublishContractVersion publish(String version, SchemaType type, String schema) {
        return new PublishContractVersion(ORDERS, SemanticVersion.parse(version), type, json(schema));
    }

    private static ContractVersionPublished jsonVersion(String version, String schema) {
        return new ContractVersionPublished(ORDERS, SemanticVersion.parse(version), SchemaType.JSON_SCHEMA,
                json(schema));
    }

    private static ContractVersionPublished avroVersion(String version, String schema) {
        return new ContractVersionPublished(ORDERS, SemanticVersion.parse(version), SchemaType.AVRO, json(schema));
    }

    private static String aField(String type, String defaultValue) {
        return "{'type':'record','name':'Order','fields':[{'name':'a','type':'" + type + "'"
                + (defaultValue == null ? "" : ",'default':" + defaultValue) + "}]}";
    }
}
