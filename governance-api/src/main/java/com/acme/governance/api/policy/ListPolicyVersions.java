package com.acme.governance.api.policy;

public record ListPolicyVersions(PolicyId id) {
}
