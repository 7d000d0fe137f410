package com.acme.governance.api.access;

import com.acme.governance.api.access.ApprovalEligibility.ApprovalRight;
import com.acme.governance.api.audit.Actor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.acme.governance.api.policy.ApprovalRole.OWNER;
import static com.acme.governance.api.policy.ApprovalRole.STEWARD;
import static org.assertj.core.api.Assertions.assertThat;

class ApprovalEligibilityTest {

    private static final Actor ALICE = new Actor("alice", List.of("sales"), List.of());
    private static final Actor ERIN = new Actor("erin", List.of("sales", "logistics"), List.of());
    private static final Actor CAROL = new Actor("carol", List.of(), List.of(Actor.STEWARD));
    /** A steward who is also in the sales team. */
    private static final Actor FRANK = new Actor("frank", List.of("sales"), List.of(Actor.STEWARD));
    private static final Actor DAVE = new Actor("dave", List.of(), List.of(Actor.AUDITOR));

    @Test
    void ownerApprovalComesFromAMemberOfTheOwnerTeam() {
        assertThat(ApprovalEligibility.roleFor(ALICE, "sales", List.of(OWNER, STEWARD))).contains(OWNER);
        assertThat(ApprovalEligibility.roleFor(ALICE, "marketing", List.of(OWNER, STEWARD))).isEmpty();
        assertThat(ApprovalEligibility.roleFor(ALICE, "sales", List.of(STEWARD))).isEmpty();
    }

    @Test
    void stewardApprovalComesFromADataStewardOnEveryProduct() {
        assertThat(ApprovalEligibility.roleFor(CAROL, "sales", List.of(OWNER, STEWARD))).contains(STEWARD);
        assertThat(ApprovalEligibility.roleFor(CAROL, "marketing", List.of(STEWARD))).contains(STEWARD);
        assertThat(ApprovalEligibility.roleFor(CAROL, "sales", List.of(OWNER))).isEmpty();
    }

    @Test
    void whoMayGiveBothGivesTheOwnerApprovalFirst() {
        assertThat(ApprovalEligibility.roleFor(FRANK, "sales", List.of(STEWARD, OWNER))).contains(OWNER);
        assertThat(ApprovalEligibility.roleFor(FRANK, "marketing", List.of(OWNER, STEWARD))).contains(STEWARD);
    }

    @Test
    void rightsSayOnWhichProductsEachApprovalMayBeGiven() {
        assertThat(ApprovalEligibility.rightsOf(ERIN))
                .containsExactly(new ApprovalRight(OWNER, false, List.of("sales", "logistics")));
        assertThat(ApprovalEligibility.rightsOf(FRANK)).containsExactly(
                new ApprovalRight(OWNER, false, List.of("sales")), new ApprovalRight(STEWARD, true, List.of()));
        assertThat(ApprovalEligibility.rightsOf(DAVE)).isEmpty();
        assertThat(ApprovalEligibility.roleFor(DAVE, "sales", List.of(OWNER, STEWARD))).isEmpty();
        assertThat(ApprovalEligibility.noApprovalRefusal(DAVE, List.of(OWNER, STEWARD)))
                .isEqualTo("dave can give none of the outstanding approvals [OWNER, STEWARD]");
    }

    @Test
    void nobodyDecidesOnTheirOwnRequest() {
        assertThat(ApprovalEligibility.isOwnRequest(ERIN, "erin")).isTrue();
        assertThat(ApprovalEligibility.isOwnRequest(ALICE, "erin")).isFalse();
        assertThat(ApprovalEligibility.ownRequestRefusal(ERIN, "r-1"))
                .isEqualTo("separation of duties: erin may not decide on their own request r-1");
    }

    @Test
    void nobodyApprovesTwice() {
        assertThat(ApprovalEligibility.hasApproved(FRANK, Set.of("frank"))).isTrue();
        assertThat(ApprovalEligibility.hasApproved(CAROL, Set.of("frank"))).isFalse();
        assertThat(ApprovalEligibility.alreadyApprovedRefusal(FRANK, "r-1"))
                .isEqualTo("frank has already approved request r-1");
    }
}
