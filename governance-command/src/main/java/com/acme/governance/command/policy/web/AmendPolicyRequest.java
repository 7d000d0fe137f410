package com.acme.governance.command.policy.web;

import com.acme.governance.api.policy.AmendPolicy;
import com.acme.governance.api.policy.PolicyId;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;

import java.util.List;

record AmendPolicyRequest(String name, PolicyScope scope, List<PolicyRule> rules, String rationale) {

    AmendPolicy toCommand(PolicyId id) {
        return new AmendPolicy(id, name, scope == null ? PolicyScope.global() : scope, rules, rationale);
    }
}
