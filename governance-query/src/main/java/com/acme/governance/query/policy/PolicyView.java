package com.acme.governance.query.policy;

import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.PolicyStatus;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;
import java.util.List;

/**
 * A policy's current state as the read side answers it, and as {@code policies} stores it (through the driver's
 * record codec, keyed by its id).
 *
 * @param version    the policy's version (1 when defined, one more per amendment), as access decisions name it
 * @param eventCount the number of its events, retirement included: its ETag, to send as {@code If-Match} (ADR 0010);
 *                   equal to {@code version} until retirement, which changes the policy but makes no version. Only
 *                   in the header: the body's {@code version} is the one access decisions name.
 */
public record PolicyView(@BsonId String id, String name, PolicyScope scope, List<PolicyRule> rules, int version,
                         @JsonIgnore long eventCount, PolicyStatus status, Instant definedAt, String definedBy, Instant amendedAt,
                         String amendedBy, Instant retiredAt, String retiredBy, String retirementReason, Instant updatedAt) {
}
