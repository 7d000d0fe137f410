package com.acme.governance.command.policy;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AppliedPolicy;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.command.dataproduct.ProductFacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Combines every active rule that matches a product: union of required approvals, smallest maxGrantDays, purpose
 * required if any rule requires it. With no matching rule: OWNER approval, 365 days, purpose optional.
 */
public final class EffectivePolicy {

    private EffectivePolicy() {
    }

    public static AccessDecision decide(ProductFacts product, List<CatalogPolicy> activePolicies) {
        List<AppliedPolicy> applied = new ArrayList<>();
        Set<ApprovalRole> approvals = new TreeSet<>();
        int maxGrantDays = Integer.MAX_VALUE;
        boolean purposeRequired = false;
        for (CatalogPolicy policy : activePolicies.stream().sorted(Comparator.comparing(CatalogPolicy::id)).toList()) {
            if (!policy.scope().covers(product.domain())) {
                continue;
            }
            boolean matched = false;
            for (PolicyRule rule : policy.rules()) {
                if (rule.when().matches(product.classification(), product.tags())) {
                    matched = true;
                    approvals.addAll(rule.then().requiredApprovals());
                    maxGrantDays = Math.min(maxGrantDays, rule.then().maxGrantDays());
                    purposeRequired |= rule.then().purposeRequired();
                }
            }
            if (matched) {
                applied.add(new AppliedPolicy(policy.id(), policy.version()));
            }
        }
        if (applied.isEmpty()) {
            return new AccessDecision(List.of(), List.of(ApprovalRole.OWNER), AccessDecision.DEFAULT_MAX_GRANT_DAYS, false);
        }
        return new AccessDecision(applied, List.copyOf(approvals), maxGrantDays, purposeRequired);
    }
}
