package com.acme.governance.command.policy.web;

import com.acme.governance.command.web.BodyValues;
import com.acme.governance.api.policy.DefinePolicy;
import com.acme.governance.api.policy.PolicyId;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;

import java.util.List;

/** A missing scope means global, as {@code "scope": {"domain": null}} does. */
record DefinePolicyRequest(String id, String name, PolicyScope scope, List<PolicyRule> rules) {

    DefinePolicy toCommand() {
        BodyValues body = new BodyValues();
        return body.command(() -> new DefinePolicy(body.typed("id", id, PolicyId::of), name,
                scope == null ? PolicyScope.global() : scope, rules));
    }
}
