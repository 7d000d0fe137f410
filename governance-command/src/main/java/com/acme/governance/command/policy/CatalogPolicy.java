package com.acme.governance.command.policy;

import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;

import java.util.List;

/** An active policy as the command side knows it when it decides on access. */
public record CatalogPolicy(String id, int version, PolicyScope scope, List<PolicyRule> rules) {

    public CatalogPolicy {
        rules = List.copyOf(rules);
    }
}
