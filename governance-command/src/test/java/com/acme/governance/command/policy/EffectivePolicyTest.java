package com.acme.governance.command.policy;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AppliedPolicy;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.RuleCondition;
import com.acme.governance.api.policy.RuleOutcome;
import com.acme.governance.command.dataproduct.ProductFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EffectivePolicyTest {

    private static final ProductFacts CONFIDENTIAL_PII = new ProductFacts("sales.orders", "sales", "sales",
            DataProductStatus.PUBLISHED, Classification.CONFIDENTIAL, List.of("pii"));

    @Test
    void withoutMatchingRuleOwnerApprovesFor365DaysWithoutPurpose() {
        AccessDecision decision = EffectivePolicy.decide(CONFIDENTIAL_PII, List.of(
                policy("public-only", 1, null, rule(List.of(Classification.PUBLIC), List.of(), 10, true,
                        ApprovalRole.STEWARD))));
        assertThat(decision).isEqualTo(new AccessDecision(List.of(), List.of(ApprovalRole.OWNER), 365, false));
    }

    @Test
    void matchingRulesCombineUnionOfApprovalsSmallestDaysAnyPurpose() {
        AccessDecision decision = EffectivePolicy.decide(CONFIDENTIAL_PII, List.of(
                policy("confidential-data", 2, null, rule(List.of(Classification.CONFIDENTIAL), List.of(), 30, false,
                        ApprovalRole.OWNER)),
                policy("pii", 4, "sales", rule(List.of(), List.of("pii", "gdpr"), 90, true, ApprovalRole.STEWARD))));
        assertThat(decision).isEqualTo(new AccessDecision(
                List.of(new AppliedPolicy("confidential-data", 2), new AppliedPolicy("pii", 4)),
                List.of(ApprovalRole.OWNER, ApprovalRole.STEWARD), 30, true));
    }

    @Test
    void policyScopedToAnotherDomainDoesNotApply() {
        AccessDecision decision = EffectivePolicy.decide(CONFIDENTIAL_PII, List.of(
                policy("marketing-only", 1, "marketing", rule(List.of(), List.of(), 7, true, ApprovalRole.STEWARD))));
        assertThat(decision.policies()).isEmpty();
        assertThat(decision.maxGrantDays()).isEqualTo(365);
    }

    @Test
    void ruleNeedsOneOfItsTags() {
        AccessDecision decision = EffectivePolicy.decide(CONFIDENTIAL_PII, List.of(
                policy("finance", 1, null, rule(List.of(), List.of("finance"), 7, true, ApprovalRole.STEWARD))));
        assertThat(decision.policies()).isEmpty();
    }

    private static CatalogPolicy policy(String id, int version, String domain, PolicyRule rule) {
        return new CatalogPolicy(id, version, new PolicyScope(domain), List.of(rule));
    }

    private static PolicyRule rule(List<Classification> classifications, List<String> tags, int days, boolean purpose,
                                   ApprovalRole... approvals) {
        return new PolicyRule(new RuleCondition(classifications, tags),
                new RuleOutcome(List.of(approvals), days, purpose));
    }
}
