package com.acme.governance.command.policy;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.policy.AmendPolicy;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.policy.DefinePolicy;
import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyId;
import com.acme.governance.api.policy.PolicyRetired;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.RetirePolicy;
import com.acme.governance.api.policy.RuleCondition;
import com.acme.governance.api.policy.RuleOutcome;
import com.acme.governance.command.TestActors;
import com.acme.governance.command.common.IllegalTransitionException;
import com.acme.governance.command.common.NotPermittedException;
import com.acme.governance.command.common.VersionMismatchException;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class PolicyTest {

    static final PolicyId CONFIDENTIAL_DATA = PolicyId.of("confidential-data");
    static final String NOT_A_STEWARD = "alice is not a data steward; only stewards govern policies";
    static final String AMEND_RETIRED = "cannot amend policy confidential-data: it is retired, which is final";
    static final MetaData CAROL_STEWARD = TestActors.CAROL_STEWARD;
    static final MetaData ALICE = TestActors.ALICE;
    static final List<PolicyRule> CONFIDENTIAL = List.of(new PolicyRule(
            new RuleCondition(List.of(Classification.CONFIDENTIAL, Classification.RESTRICTED), List.of()),
            new RuleOutcome(List.of(ApprovalRole.OWNER, ApprovalRole.STEWARD), 30, true)));
    static final List<PolicyRule> STRICTER = List.of(new PolicyRule(
            new RuleCondition(List.of(Classification.CONFIDENTIAL, Classification.RESTRICTED), List.of()),
            new RuleOutcome(List.of(ApprovalRole.OWNER, ApprovalRole.STEWARD), 14, true)));

    private AggregateTestFixture<Policy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Policy.class);
    }

    @Test
    void stewardDefinesPolicyAsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new DefinePolicy(CONFIDENTIAL_DATA, "Confidential data", PolicyScope.global(), CONFIDENTIAL),
                        CAROL_STEWARD)
                .expectEvents(new PolicyDefined("confidential-data", 1, "Confidential data", PolicyScope.global(),
                        CONFIDENTIAL));
    }

    @Test
    void onlyStewardsDefinePolicies() {
        fixture.givenNoPriorActivity()
                .when(new DefinePolicy(CONFIDENTIAL_DATA, "Confidential data", PolicyScope.global(), CONFIDENTIAL),
                        ALICE)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(NOT_A_STEWARD)
                .expectNoEvents();
    }

    @Test
    void amendmentMakesTheNextVersionWithItsRationale() {
        fixture.given(defined(), new PolicyAmended("confidential-data", 2, "Confidential data",
                        new PolicyScope("sales"), CONFIDENTIAL, "sales only"))
                .when(new AmendPolicy(CONFIDENTIAL_DATA, "Confidential data", PolicyScope.global(), STRICTER,
                        "two weeks is enough"), CAROL_STEWARD)
                .expectEvents(new PolicyAmended("confidential-data", 3, "Confidential data", PolicyScope.global(),
                        STRICTER, "two weeks is enough"));
    }

    @Test
    void onlyStewardsAmendPolicies() {
        fixture.given(defined())
                .when(new AmendPolicy(CONFIDENTIAL_DATA, "x", PolicyScope.global(), STRICTER, "why not"), ALICE)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(NOT_A_STEWARD)
                .expectNoEvents();
    }

    @Test
    void stewardRetiresPolicyAtItsCurrentVersion() {
        fixture.given(defined())
                .when(new RetirePolicy(CONFIDENTIAL_DATA, "superseded"), CAROL_STEWARD)
                .expectEvents(new PolicyRetired("confidential-data", 1, "superseded"));
    }

    @Test
    void retiredPolicyCannotBeAmended() {
        fixture.given(defined(), new PolicyRetired("confidential-data", 1, "superseded"))
                .when(new AmendPolicy(CONFIDENTIAL_DATA, "x", PolicyScope.global(), STRICTER, "revive"),
                        CAROL_STEWARD)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage(AMEND_RETIRED)
                .expectNoEvents();
    }

    @Test
    void retirementIsFinal() {
        fixture.given(defined(), new PolicyRetired("confidential-data", 1, "superseded"))
                .when(new RetirePolicy(CONFIDENTIAL_DATA, "again"), CAROL_STEWARD)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("cannot retire policy confidential-data: it is retired, which is final")
                .expectNoEvents();
    }

    @Test
    void amendmentAtTheVersionTheStewardReadMakesTheNextVersion() {
        fixture.given(defined())
                .when(new AmendPolicy(CONFIDENTIAL_DATA, "Confidential data", PolicyScope.global(), STRICTER,
                        "two weeks is enough").expecting(1), CAROL_STEWARD)
                .expectEvents(new PolicyAmended("confidential-data", 2, "Confidential data", PolicyScope.global(),
                        STRICTER, "two weeks is enough"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void amendmentFromAnOlderVersionIsRefusedWithTheCurrentOne() {
        fixture.given(defined(), amendedToVersionTwo())
                .when(new AmendPolicy(CONFIDENTIAL_DATA, "Confidential data", PolicyScope.global(), STRICTER,
                        "two weeks is enough").expecting(1), CAROL_STEWARD)
                .expectException(VersionMismatchException.class)
                .expectExceptionMessage("confidential-data is at version 2, not 1")
                .expectNoEvents();
    }

    @Test
    void amendmentFromAVersionNotYetReachedIsRefused() {
        fixture.given(defined())
                .when(new AmendPolicy(CONFIDENTIAL_DATA, "x", PolicyScope.global(), STRICTER, "guess").expecting(2),
                        CAROL_STEWARD)
                .expectException(VersionMismatchException.class)
                .expectExceptionMessage("confidential-data is at version 1, not 2")
                .expectNoEvents();
    }

    @Test
    void retirementAtTheVersionTheStewardReadRetires() {
        fixture.given(defined(), amendedToVersionTwo())
                .when(new RetirePolicy(CONFIDENTIAL_DATA, 2L, "superseded"), CAROL_STEWARD)
                .expectEvents(new PolicyRetired("confidential-data", 2, "superseded"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void retirementOfAPolicyAmendedSinceItWasReadIsRefused() {
        fixture.given(defined(), amendedToVersionTwo())
                .when(new RetirePolicy(CONFIDENTIAL_DATA, 1L, "superseded"), CAROL_STEWARD)
                .expectException(VersionMismatchException.class)
                .expectExceptionMessage("confidential-data is at version 2, not 1")
                .expectNoEvents();
    }

    @Test
    void retiredPolicyIsFinalWhicheverETagIsSent() {
        // a stale ETag on a retired policy: the conflict that no re-read can resolve is the answer, as for products
        fixture.given(defined(), new PolicyRetired("confidential-data", 1, "superseded"))
                .when(new AmendPolicy(CONFIDENTIAL_DATA, "x", PolicyScope.global(), STRICTER, "revive").expecting(1),
                        CAROL_STEWARD)
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage(AMEND_RETIRED)
                .expectNoEvents();
    }

    @Test
    void permissionIsCheckedBeforeTheVersion() {
        fixture.given(defined(), amendedToVersionTwo())
                .when(new AmendPolicy(CONFIDENTIAL_DATA, "x", PolicyScope.global(), STRICTER, "why not").expecting(1),
                        ALICE)
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(NOT_A_STEWARD)
                .expectNoEvents();
    }

    private static PolicyAmended amendedToVersionTwo() {
        return new PolicyAmended("confidential-data", 2, "Confidential data", new PolicyScope("sales"), CONFIDENTIAL,
                "sales only");
    }

    private static PolicyDefined defined() {
        return new PolicyDefined("confidential-data", 1, "Confidential data", PolicyScope.global(), CONFIDENTIAL);
    }
}
