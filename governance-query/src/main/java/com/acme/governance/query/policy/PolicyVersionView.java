package com.acme.governance.query.policy;

import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;

import java.time.Instant;
import java.util.List;

/**
 * One version of a policy as it was decided: what an access decision that names this version applied.
 *
 * @param rationale why the policy was amended; null for version 1, its definition
 */
public record PolicyVersionView(String policyId, int version, String name, PolicyScope scope, List<PolicyRule> rules,
                                String rationale, String decidedBy, Instant decidedAt) {
}
