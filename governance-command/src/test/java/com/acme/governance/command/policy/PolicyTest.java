package com.acme.governance.command.policy;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.policy.AmendPolicy;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.policy.DefinePolicy;
import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyRetired;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.RetirePolicy;
import com.acme.governance.api.policy.RuleCondition;
import com.acme.governance.api.policy.RuleOutcome;
import com.acme.governance.command.TestActors;
import com.acme.governance.command.common.IllegalTransitionException;
import com.acme.governance.command.common.NotPermittedException;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class PolicyTest {

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
                .when(new DefinePolicy("confidential-data", "Confidential data", PolicyScope.global(), CONFIDENTIAL),
                        CAROL_STEWARD)
                .expectEvents(new PolicyDefined("confidential-data", 1, "Confidential data", PolicyScope.global(),
                        CONFIDENTIAL));
    }

    @Test
    void onlyStewardsDefinePolicies() {
        fixture.givenNoPriorActivity()
                .when(new DefinePolicy("confidential-data", "Confidential data", PolicyScope.global(), CONFIDENTIAL),
                        ALICE)
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void amendmentMakesTheNextVersionWithItsRationale() {
        fixture.given(defined(), new PolicyAmended("confidential-data", 2, "Confidential data",
                        new PolicyScope("sales"), CONFIDENTIAL, "sales only"))
                .when(new AmendPolicy("confidential-data", "Confidential data", PolicyScope.global(), STRICTER,
                        "two weeks is enough"), CAROL_STEWARD)
                .expectEvents(new PolicyAmended("confidential-data", 3, "Confidential data", PolicyScope.global(),
                        STRICTER, "two weeks is enough"));
    }

    @Test
    void onlyStewardsAmendPolicies() {
        fixture.given(defined())
                .when(new AmendPolicy("confidential-data", "x", PolicyScope.global(), STRICTER, "why not"), ALICE)
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void stewardRetiresPolicyAtItsCurrentVersion() {
        fixture.given(defined())
                .when(new RetirePolicy("confidential-data", "superseded"), CAROL_STEWARD)
                .expectEvents(new PolicyRetired("confidential-data", 1, "superseded"));
    }

    @Test
    void retiredPolicyCannotBeAmended() {
        fixture.given(defined(), new PolicyRetired("confidential-data", 1, "superseded"))
                .when(new AmendPolicy("confidential-data", "x", PolicyScope.global(), STRICTER, "revive"),
                        CAROL_STEWARD)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void retirementIsFinal() {
        fixture.given(defined(), new PolicyRetired("confidential-data", 1, "superseded"))
                .when(new RetirePolicy("confidential-data", "again"), CAROL_STEWARD)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    private static PolicyDefined defined() {
        return new PolicyDefined("confidential-data", 1, "Confidential data", PolicyScope.global(), CONFIDENTIAL);
    }
}
