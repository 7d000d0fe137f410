package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.AccessRequestWithdrawn;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.api.policy.ApprovalRole;
import org.axonframework.test.matchers.Matchers;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class AccessOnRetirementSagaTest {

    private static final String REQUEST = "5f0c6f4e-8a53-4c1e-9d1f-2b7f3c7f6a10";
    private static final DataProductId ORDERS = DataProductId.of("sales.orders");
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private SagaTestFixture<AccessOnRetirementSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(AccessOnRetirementSaga.class);
    }

    @Test
    void retiringTheProductClosesItsActiveGrant() {
        fixture.givenAggregate(REQUEST).published(requested(),
                        new AccessGranted(REQUEST, ORDERS, "marketing", START, START.plusSeconds(86_400)))
                .whenAggregate(ORDERS.toString()).publishes(new DataProductRetired(ORDERS, "replaced"))
                .expectDispatchedCommandsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(
                        Matchers.<CloseAccessOnProductRetirement>predicate(close -> close.requestId()
                                .equals(AccessRequestId.of(REQUEST)) && close.reason().equals("replaced")
                                && !close.retirementEventId().isBlank())), Matchers.andNoMore()));
    }

    @Test
    void retiringAnotherProductLeavesTheGrantAlone() {
        DataProductId other = DataProductId.of("sales.returns");
        fixture.givenAggregate(REQUEST).published(requested())
                .whenAggregate(other.toString()).publishes(new DataProductRetired(other, "replaced"))
                .expectNoDispatchedCommands();
    }

    @Test
    void sagaEndsWhenTheGrantExpires() {
        fixture.givenAggregate(REQUEST).published(requested(),
                        new AccessGranted(REQUEST, ORDERS, "marketing", START, START.plusSeconds(86_400)))
                .whenAggregate(REQUEST).publishes(new AccessGrantExpired(REQUEST, ORDERS, START.plusSeconds(86_400)))
                .expectActiveSagas(0);
    }

    @Test
    void closedRequestIsNotTouchedByLaterRetirement() {
        fixture.givenAggregate(REQUEST).published(requested(), new AccessRequestWithdrawn(REQUEST, "bob"))
                .whenAggregate(ORDERS.toString()).publishes(new DataProductRetired(ORDERS, "replaced"))
                .expectNoDispatchedCommands();
    }

    private static AccessRequested requested() {
        return new AccessRequested(REQUEST, ORDERS, "sales", "marketing", "campaign attribution", 30, "bob",
                new AccessDecision(List.of(), List.of(ApprovalRole.OWNER), 365, false));
    }
}
