package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AccessDeprovisioned;
import com.acme.governance.api.access.AccessDriftRepaired;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessProvisioned;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.api.access.KafkaAclBinding;
import com.acme.governance.api.access.ProvisioningFailed;
import com.acme.governance.api.access.ProvisioningStep;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.command.common.IllegalTransitionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The grant's life on the Kafka cluster as the aggregate records it: each report once, in the grant's order. */
class AccessProvisioningTest {

    private static final String REQUEST = "5f0c6f4e-8a53-4c1e-9d1f-2b7f3c7f6a10";
    private static final AccessRequestId REQUEST_ID = AccessRequestId.of(REQUEST);
    private static final DataProductId ORDERS = DataProductId.of("sales.orders");
    private static final String CAUSE = "0b4f0f0e-3c1d-4c57-9a0e-7d4fbd1e2a01";
    private static final List<KafkaAclBinding> BINDINGS = List.of(
            new KafkaAclBinding("User:marketing", KafkaAclBinding.Resource.TOPIC, "sales.orders.v1",
                    KafkaAclBinding.Pattern.LITERAL, KafkaAclBinding.Operation.READ),
            new KafkaAclBinding("User:marketing", KafkaAclBinding.Resource.GROUP, "marketing.",
                    KafkaAclBinding.Pattern.PREFIXED, KafkaAclBinding.Operation.READ));

    private AggregateTestFixture<AccessRequest> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessRequest.class);
        now = fixture.currentTime();
    }

    @Test
    void aGrantsProvisioningIsRecordedAsTheSystemsCausedByWhatTheProvisionerActedOn() {
        fixture.given(requested(), granted())
                .when(new RecordAccessProvisioned(REQUEST_ID, BINDINGS, List.of("warehouse.orders"), CAUSE))
                .expectEvents(new AccessProvisioned(REQUEST, ORDERS, "marketing", BINDINGS,
                        List.of("warehouse.orders")));
        assertThat(fixture.getEventStore().readEvents(REQUEST).asStream()
                .filter(event -> event.getPayload() instanceof AccessProvisioned)
                .map(event -> event.getMetaData()).findFirst().orElseThrow())
                .containsEntry(AuditMetadata.PRINCIPAL, AuditMetadata.SYSTEM_PRINCIPAL)
                .containsEntry(AuditMetadata.ISSUER, Actor.SYSTEM_ISSUER)
                .containsEntry(AuditMetadata.CAUSATION_ID, CAUSE);
    }

    @Test
    void aRepeatedProvisioningReportRecordsNothing() {
        fixture.given(requested(), granted(), provisioned())
                .when(new RecordAccessProvisioned(REQUEST_ID, BINDINGS, List.of(), CAUSE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aProvisioningReportAfterTheDeprovisioningRecordsNothing() {
        fixture.given(requested(), granted(), provisioned(), revoked(), deprovisioned())
                .when(new RecordAccessProvisioned(REQUEST_ID, BINDINGS, List.of(), CAUSE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRequestNeverGrantedIsNeverProvisioned() {
        fixture.given(requested())
                .when(new RecordAccessProvisioned(REQUEST_ID, BINDINGS, List.of(), CAUSE))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void anEndedGrantIsDeprovisionedNamingWhatStaysForOtherGrants() {
        fixture.given(requested(), granted(), provisioned(), revoked())
                .when(new RecordAccessDeprovisioned(REQUEST_ID, BINDINGS.subList(0, 1), BINDINGS.subList(1, 2),
                        CAUSE))
                .expectEvents(new AccessDeprovisioned(REQUEST, ORDERS, "marketing", BINDINGS.subList(0, 1),
                        BINDINGS.subList(1, 2)));
    }

    @Test
    void aRepeatedDeprovisioningReportRecordsNothing() {
        fixture.given(requested(), granted(), provisioned(), revoked(), deprovisioned())
                .when(new RecordAccessDeprovisioned(REQUEST_ID, BINDINGS, List.of(), CAUSE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anActiveGrantIsNotDeprovisioned() {
        fixture.given(requested(), granted(), provisioned())
                .when(new RecordAccessDeprovisioned(REQUEST_ID, BINDINGS, List.of(), CAUSE))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("grant " + REQUEST + " is still active; its access stays provisioned");
    }

    @Test
    void aStepThatFailedAfterItsRetriesIsRecorded() {
        fixture.given(requested(), granted())
                .when(failed(ProvisioningStep.PROVISION))
                .expectEvents(new ProvisioningFailed(REQUEST, ORDERS, ProvisioningStep.PROVISION, "denied", 5));
    }

    @Test
    void theSameFailureIsNotRecordedAgainWhenTheReconcilerFailsToo() {
        fixture.given(requested(), granted(),
                        new ProvisioningFailed(REQUEST, ORDERS, ProvisioningStep.PROVISION, "denied", 5))
                .when(failed(ProvisioningStep.PROVISION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailedProvisioningIsProvisionedWhenTheRetrySucceeds() {
        fixture.given(requested(), granted(),
                        new ProvisioningFailed(REQUEST, ORDERS, ProvisioningStep.PROVISION, "denied", 5))
                .when(new RecordAccessProvisioned(REQUEST_ID, BINDINGS, List.of(), CAUSE))
                .expectEvents(new AccessProvisioned(REQUEST, ORDERS, "marketing", BINDINGS, List.of()));
    }

    @Test
    void aStepAlreadyDoneIsNotFailedByALateReport() {
        fixture.given(requested(), granted(), provisioned())
                .when(failed(ProvisioningStep.PROVISION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDriftRepairOfAnActiveGrantIsRecordedAndMeansTheAccessIsInPlace() {
        fixture.given(requested(), granted(),
                        new ProvisioningFailed(REQUEST, ORDERS, ProvisioningStep.PROVISION, "denied", 5))
                .when(new RecordAccessDriftRepaired(REQUEST_ID, BINDINGS.subList(0, 1)))
                .expectEvents(new AccessDriftRepaired(REQUEST, ORDERS, "marketing", BINDINGS.subList(0, 1)));
    }

    @Test
    void aDriftRepairArrivingAfterTheGrantEndedRecordsNothing() {
        fixture.given(requested(), granted(), provisioned(), revoked())
                .when(new RecordAccessDriftRepaired(REQUEST_ID, BINDINGS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static RecordProvisioningFailed failed(ProvisioningStep step) {
        return new RecordProvisioningFailed(REQUEST_ID, step, "denied", 5, CAUSE);
    }

    private static AccessRequested requested() {
        return new AccessRequested(REQUEST, ORDERS, "sales", "marketing", "campaign attribution", 30, "bob",
                new AccessDecision(List.of(), List.of(ApprovalRole.OWNER), 30, false));
    }

    private AccessGranted granted() {
        return new AccessGranted(REQUEST, ORDERS, "marketing", now, now.plus(Duration.ofDays(30)));
    }

    private static AccessProvisioned provisioned() {
        return new AccessProvisioned(REQUEST, ORDERS, "marketing", BINDINGS, List.of());
    }

    private static AccessGrantRevoked revoked() {
        return new AccessGrantRevoked(REQUEST, ORDERS, "carol", "misuse");
    }

    private static AccessDeprovisioned deprovisioned() {
        return new AccessDeprovisioned(REQUEST, ORDERS, "marketing", BINDINGS, List.of());
    }
}
