package com.acme.governance.api.authorization;

import com.acme.governance.api.audit.Actor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of the model, for the kinds of caller it separates (the local users' shapes). */
class GovernanceRulesTest {

    private static final Actor ALICE = new Actor("alice", List.of("sales"), List.of());
    private static final Actor BOB = new Actor("bob", List.of("marketing"), List.of());
    private static final Actor CAROL = new Actor("carol", List.of(), List.of(Actor.STEWARD));
    private static final Actor DAVE = new Actor("dave", List.of(), List.of(Actor.AUDITOR));
    private static final Actor ADMIN = new Actor("admin", List.of(), List.of(Actor.OPERATOR));

    @Test
    void aMemberOfTheOwnerTeamOrAStewardActsForAProduct() {
        assertThat(GovernanceRules.actsForProduct(ALICE, "sales")).isTrue();
        assertThat(GovernanceRules.actsForProduct(CAROL, "marketing")).isTrue();
        assertThat(GovernanceRules.actsForProduct(ALICE, "marketing")).isFalse();
    }

    @Test
    void auditorsAndOperatorsActForNoProduct() {
        assertThat(GovernanceRules.actsForProduct(DAVE, "sales")).isFalse();
        assertThat(GovernanceRules.actsForProduct(ADMIN, "sales")).isFalse();
        assertThat(GovernanceRules.actsForProductRefusal(BOB, "sales"))
                .isEqualTo("bob is neither in owner team 'sales' nor a data steward");
    }

    @Test
    void onlyATeamsMembersSpeakForItNotEvenAStewardOrAnOperator() {
        assertThat(GovernanceRules.speaksForTeam(BOB, "marketing")).isTrue();
        assertThat(GovernanceRules.speaksForTeam(ALICE, "marketing")).isFalse();
        assertThat(GovernanceRules.speaksForTeam(CAROL, "marketing")).isFalse();
        assertThat(GovernanceRules.speaksForTeam(ADMIN, "marketing")).isFalse();
    }

    @Test
    void onlyStewardsGovernPolicies() {
        assertThat(GovernanceRules.governsPolicies(CAROL)).isTrue();
        for (Actor other : List.of(ALICE, DAVE, ADMIN)) {
            assertThat(GovernanceRules.governsPolicies(other)).as(other.principal()).isFalse();
        }
    }

    @Test
    void auditorsStewardsAndOperatorsReadTheAuditTrailDomainTeamsDoNot() {
        assertThat(List.of(DAVE, CAROL, ADMIN)).allMatch(GovernanceRules::readsAuditTrail);
        assertThat(GovernanceRules.readsAuditTrail(ALICE)).isFalse();
    }

    @Test
    void auditorsAndOperatorsAskForDigestsStewardsDoNot() {
        assertThat(List.of(DAVE, ADMIN)).allMatch(GovernanceRules::asksForDigests);
        assertThat(GovernanceRules.asksForDigests(CAROL)).isFalse();
        assertThat(GovernanceRules.asksForDigests(ALICE)).isFalse();
    }

    @Test
    void onlyOperatorsOperate() {
        assertThat(GovernanceRules.operates(ADMIN)).isTrue();
        assertThat(List.of(ALICE, CAROL, DAVE)).noneMatch(GovernanceRules::operates);
    }
}
