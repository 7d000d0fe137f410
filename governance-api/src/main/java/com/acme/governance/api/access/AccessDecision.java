package com.acme.governance.api.access;

import com.acme.governance.api.policy.ApprovalRole;

import java.util.List;

/**
 * The effective policy of an access request, fixed when it is made: which policies (and versions) matched the
 * product, and what their combination demands. With no matching rule: OWNER approval, 365 days, purpose optional.
 */
public record AccessDecision(List<AppliedPolicy> policies, List<ApprovalRole> requiredApprovals, int maxGrantDays,
                             boolean purposeRequired) {

    public static final int DEFAULT_MAX_GRANT_DAYS = 365;

    public AccessDecision {
        policies = policies == null ? List.of() : List.copyOf(policies);
        requiredApprovals = requiredApprovals == null ? List.of() : requiredApprovals.stream().distinct().sorted().toList();
    }
}
