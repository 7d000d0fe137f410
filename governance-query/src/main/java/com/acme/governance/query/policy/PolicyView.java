package com.acme.governance.query.policy;

import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.PolicyStatus;

import java.time.Instant;
import java.util.List;

/**
 * A policy's current state as the read side answers it.
 *
 * @param version the policy's version (1 when defined, one more per amendment), also its ETag
 */
public record PolicyView(String id, String name, PolicyScope scope, List<PolicyRule> rules, int version,
                         PolicyStatus status, Instant definedAt, String definedBy, Instant amendedAt, String amendedBy,
                         Instant retiredAt, String retiredBy, String retirementReason, Instant updatedAt) {
}
