package com.acme.governance.command.dataproduct;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.api.dataproduct.DeprecateDataProduct;
import com.acme.governance.api.dataproduct.PublishContractVersion;
import com.acme.governance.api.dataproduct.PublishDataProduct;
import com.acme.governance.api.dataproduct.RegisterDataProduct;
import com.acme.governance.api.dataproduct.RetireDataProduct;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.api.dataproduct.Tag;
import com.acme.governance.api.dataproduct.UpdateDataProduct;
import com.acme.governance.command.common.IllegalTransitionException;
import com.acme.governance.command.common.NotPermittedException;
import com.acme.governance.command.common.VersionMismatchException;
import com.acme.governance.edge.problem.InvalidInputException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.acme.governance.command.dataproduct.DataProductFixtures.ALICE;
import static com.acme.governance.command.dataproduct.DataProductFixtures.BOB;
import static com.acme.governance.command.dataproduct.DataProductFixtures.CAROL_STEWARD;
import static com.acme.governance.command.dataproduct.DataProductFixtures.ORDERS;
import static com.acme.governance.command.dataproduct.DataProductFixtures.PORTS;
import static com.acme.governance.command.dataproduct.DataProductFixtures.contract;
import static com.acme.governance.command.dataproduct.DataProductFixtures.json;
import static com.acme.governance.command.dataproduct.DataProductFixtures.registered;

class DataProductTest {

    private static final String V1_SCHEMA =
            "{'type':'object','required':['id'],'properties':{'id':{'type':'string'},'total':{'type':'number'}}}";

    private static final TeamName SALES = TeamName.of("sales");
    private static final String BOB_NOT_OWNER_OR_STEWARD = "bob is neither in owner team 'sales' nor a data steward";

    private AggregateTestFixture<DataProduct> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataProduct.class);
        fixture.registerInjectableResource(new MapContractCatalog());
    }

    @Test
    void ownerTeamMemberRegistersProductAsDraft() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDataProduct(ORDERS, "Orders", "Every order placed", SALES,
                        Classification.CONFIDENTIAL, List.of(Tag.of("pii")), PORTS), ALICE)
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void cannotRegisterProductForAnotherTeam() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDataProduct(ORDERS, "Orders", null, SALES, Classification.PUBLIC, List.of(),
                        List.of()), BOB)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(BOB_NOT_OWNER_OR_STEWARD)
                .expectNoEvents();
    }

    @Test
    void stewardMayRegisterProductForAnyTeam() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDataProduct(ORDERS, "Orders", "Every order placed", SALES,
                        Classification.CONFIDENTIAL, List.of(Tag.of("pii")), PORTS), CAROL_STEWARD)
                .expectEvents(registered());
    }

    @Test
    void updateAtTheVersionTheClientReadIsApplied() {
        fixture.given(registered())
                .when(update(1L), ALICE)
                .expectEvents(new DataProductUpdated(ORDERS, "Orders v2", "All orders", Classification.RESTRICTED,
                        List.of("finance", "pii"), PORTS))
                .expectResultMessagePayload(1L);
    }

    @Test
    void updateAtAStaleVersionIsRefused() {
        fixture.given(registered(), contract("1.0.0", V1_SCHEMA))
                .when(update(1L), ALICE)
                .expectException(VersionMismatchException.class)
                .expectExceptionMessage("sales.orders is at version 2, not 1")
                .expectNoEvents();
    }

    @Test
    void updateWithoutPreconditionApplies() {
        fixture.given(registered(), contract("1.0.0", V1_SCHEMA))
                .when(update(null), ALICE)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L);
    }

    @Test
    void onlyOwnerTeamOrStewardMayChangeProduct() {
        fixture.given(registered())
                .when(new PublishDataProduct(ORDERS), BOB)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(BOB_NOT_OWNER_OR_STEWARD)
                .expectNoEvents();
    }

    @Test
    void stewardMayChangeAnyProduct() {
        fixture.given(registered())
                .when(new PublishDataProduct(ORDERS), CAROL_STEWARD)
                .expectEvents(new DataProductPublished(ORDERS));
    }

    @Test
    void firstContractVersionIsAccepted() {
        fixture.given(registered())
                .when(publishContract("0.1.0", V1_SCHEMA), ALICE)
                .expectEvents(contract("0.1.0", V1_SCHEMA));
    }

    @Test
    void contractSchemaMustBeAnObject() {
        fixture.given(registered())
                .when(new PublishContractVersion(ORDERS, SemanticVersion.parse("1.0.0"), SchemaType.JSON_SCHEMA,
                        json("['not','a','schema']")), ALICE)
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("a JSON Schema must be a JSON object")
                .expectNoEvents();
    }

    @Test
    void contractVersionsMustStrictlyIncrease() {
        fixture.given(registered(), contract("1.1.0", V1_SCHEMA))
                .when(publishContract("1.0.5", V1_SCHEMA), ALICE)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("contract version 1.0.5 must be greater than the latest, 1.1.0")
                .expectNoEvents();
    }

    @Test
    void sameContractVersionCannotBePublishedTwice() {
        fixture.given(registered(), contract("1.0.0", V1_SCHEMA))
                .when(publishContract("1.0.0", V1_SCHEMA), ALICE)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("contract version 1.0.0 must be greater than the latest, 1.0.0")
                .expectNoEvents();
    }

    @Test
    void minorVersionMayAddOptionalFields() {
        String withOptionalField = "{'type':'object','required':['id'],'properties':{'id':{'type':'string'},"
                + "'total':{'type':'number'},'note':{'type':'string'}}}";
        fixture.given(registered(), contract("1.0.0", V1_SCHEMA))
                .when(publishContract("1.1.0", withOptionalField), ALICE)
                .expectEvents(contract("1.1.0", withOptionalField));
    }

    @Test
    void minorVersionCannotRemoveField() {
        fixture.given(registered(), contract("1.0.0", V1_SCHEMA))
                .when(publishContract("1.1.0", "{'type':'object','required':['id'],'properties':{'id':{'type':'string'}}}"),
                        ALICE)
                .expectException(IncompatibleContractException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("FIELD_REMOVED at /properties/total"))
                .expectNoEvents();
    }

    @Test
    void patchVersionCannotMakeFieldRequired() {
        fixture.given(registered(), contract("1.0.0", V1_SCHEMA))
                .when(publishContract("1.0.1", "{'type':'object','required':['id','total'],"
                        + "'properties':{'id':{'type':'string'},'total':{'type':'number'}}}"), ALICE)
                .expectException(IncompatibleContractException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("FIELD_NEWLY_REQUIRED at /properties/total"))
                .expectNoEvents();
    }

    @Test
    void minorVersionCannotChangeFieldType() {
        fixture.given(registered(), contract("1.0.0", V1_SCHEMA))
                .when(publishContract("1.1.0", "{'type':'object','required':['id'],"
                        + "'properties':{'id':{'type':'integer'},'total':{'type':'number'}}}"), ALICE)
                .expectException(IncompatibleContractException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("FIELD_TYPE_CHANGED at /properties/id"))
                .expectNoEvents();
    }

    @Test
    void majorVersionMayBreak() {
        String breaking = "{'type':'object','required':['orderId'],'properties':{'orderId':{'type':'string'}}}";
        fixture.given(registered(), contract("1.0.0", V1_SCHEMA))
                .when(publishContract("2.0.0", breaking), ALICE)
                .expectEvents(contract("2.0.0", breaking));
    }

    @Test
    void draftProductIsPublished() {
        fixture.given(registered())
                .when(new PublishDataProduct(ORDERS), ALICE)
                .expectEvents(new DataProductPublished(ORDERS))
                .expectResultMessagePayload(1L);
    }

    @Test
    void onlyDraftProductCanBePublished() {
        fixture.given(registered(), new DataProductPublished(ORDERS))
                .when(new PublishDataProduct(ORDERS), ALICE)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("cannot publish data product sales.orders in status PUBLISHED (requires DRAFT)")
                .expectNoEvents();
    }

    @Test
    void publishedProductIsDeprecatedWithReason() {
        fixture.given(registered(), new DataProductPublished(ORDERS))
                .when(new DeprecateDataProduct(ORDERS, "replaced by sales.orders-v2"), ALICE)
                .expectEvents(new DataProductDeprecated(ORDERS, "replaced by sales.orders-v2"));
    }

    @Test
    void onlyPublishedProductCanBeDeprecated() {
        fixture.given(registered())
                .when(new DeprecateDataProduct(ORDERS, "too early"), ALICE)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage(
                        "cannot deprecate data product sales.orders in status DRAFT (requires PUBLISHED)")
                .expectNoEvents();
    }

    @Test
    void deprecatedProductIsRetired() {
        fixture.given(registered(), new DataProductPublished(ORDERS), new DataProductDeprecated(ORDERS, "old"))
                .when(new RetireDataProduct(ORDERS, "gone"), CAROL_STEWARD)
                .expectEvents(new DataProductRetired(ORDERS, "gone"));
    }

    @Test
    void publishedProductIsDeprecatedBeforeItIsRetired() {
        fixture.given(registered(), new DataProductPublished(ORDERS))
                .when(new RetireDataProduct(ORDERS, "gone"), CAROL_STEWARD)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("cannot retire data product sales.orders while it is PUBLISHED: deprecate it"
                        + " first, so that its consumers get notice")
                .expectNoEvents();
    }

    @Test
    void draftIsAbandonedByRetiringIt() {
        fixture.given(registered())
                .when(new RetireDataProduct(ORDERS, "never used"), ALICE)
                .expectEvents(new DataProductRetired(ORDERS, "never used"));
    }

    @Test
    void onlyOwnerTeamOrStewardRetires() {
        fixture.given(registered(), new DataProductPublished(ORDERS), new DataProductDeprecated(ORDERS, "old"))
                .when(new RetireDataProduct(ORDERS, "gone"), BOB)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(BOB_NOT_OWNER_OR_STEWARD)
                .expectNoEvents();
    }

    @Test
    void onlyOwnerTeamOrStewardDeprecates() {
        fixture.given(registered(), new DataProductPublished(ORDERS))
                .when(new DeprecateDataProduct(ORDERS, "old"), BOB)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(BOB_NOT_OWNER_OR_STEWARD)
                .expectNoEvents();
    }

    @Test
    void retiredIsFinal() {
        fixture.given(registered(), new DataProductRetired(ORDERS, "gone"))
                .when(new RetireDataProduct(ORDERS, "again"), ALICE)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("cannot retire data product sales.orders: it is RETIRED, which is final")
                .expectNoEvents();
    }

    @Test
    void retiredProductCannotBeUpdated() {
        fixture.given(registered(), new DataProductRetired(ORDERS, "gone"))
                .when(update(null), ALICE)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("cannot update data product sales.orders: it is RETIRED, which is final")
                .expectNoEvents();
    }

    @Test
    void retiredProductTakesNoContractVersion() {
        fixture.given(registered(), new DataProductRetired(ORDERS, "gone"))
                .when(publishContract("1.0.0", V1_SCHEMA), ALICE)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage(
                        "cannot publish a contract version of data product sales.orders: it is RETIRED, which is final")
                .expectNoEvents();
    }

    private static UpdateDataProduct update(Long expectedVersion) {
        return new UpdateDataProduct(ORDERS, expectedVersion, "Orders v2", "All orders", Classification.RESTRICTED,
                List.of(Tag.of("pii"), Tag.of("finance")), PORTS);
    }

    private static PublishContractVersion publishContract(String version, String schema) {
        return new PublishContractVersion(ORDERS, SemanticVersion.parse(version), SchemaType.JSON_SCHEMA, json(schema));
    }
}
