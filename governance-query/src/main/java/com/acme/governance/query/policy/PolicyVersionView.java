package com.acme.governance.query.policy;

import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;
import java.util.List;

/**
 * One version of a policy as it was decided: what an access decision that names this version applied. Stored as such
 * in {@code policy_versions} (through the driver's record codec).
 *
 * @param id        {@code <policyId>:<version>}, its key: a version is decided once, so a redelivery is a duplicate
 * @param rationale why the policy was amended; null for version 1, its definition
 */
public record PolicyVersionView(@BsonId @JsonIgnore String id, String policyId, int version, String name,
                                PolicyScope scope, List<PolicyRule> rules, String rationale, String decidedBy, Instant decidedAt) {

    static String idOf(String policyId, int version) {
        return policyId + ":" + version;
    }
}
