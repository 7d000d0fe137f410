package com.acme.governance.command.access.drift;

import com.acme.governance.api.access.AccessDriftDetected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The drift ledger records each change of what the reconciler finds, and only a change. */
class AclDriftTest {

    private static final String BOB = "User:bob READ TOPIC sales.orders.v1 (LITERAL) ALLOW from *";
    private static final String EVE = "User:eve DESCRIBE TOPIC sales.orders.v1 (LITERAL) ALLOW from *";

    private AggregateTestFixture<AclDrift> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AclDrift.class);
    }

    @Test
    void theFirstDriftFoundOpensTheLedger() {
        fixture.givenNoPriorActivity()
                .when(RecordAclDrift.of(List.of(BOB), false))
                .expectEvents(new AccessDriftDetected(List.of(BOB), false));
    }

    @Test
    void theSameDriftFoundAgainIsNotRecordedAgain() {
        fixture.given(new AccessDriftDetected(List.of(BOB), false))
                .when(RecordAclDrift.of(List.of(BOB), false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aChangedFindingIsRecorded() {
        fixture.given(new AccessDriftDetected(List.of(BOB), false))
                .when(RecordAclDrift.of(List.of(EVE, BOB), false))
                .expectEvents(new AccessDriftDetected(List.of(BOB, EVE), false));
    }

    @Test
    void driftThatIsGoneIsRecordedAsAnEmptyFinding() {
        fixture.given(new AccessDriftDetected(List.of(BOB), false))
                .when(RecordAclDrift.of(List.of(), false))
                .expectEvents(new AccessDriftDetected(List.of(), false));
    }

    @Test
    void removedDriftIsRecordedEachTimeItIsRemoved() {
        fixture.given(new AccessDriftDetected(List.of(BOB), true))
                .when(RecordAclDrift.of(List.of(BOB), true))
                .expectEvents(new AccessDriftDetected(List.of(BOB), true));
    }
}
