package com.acme.governance.api.policy;

public record ListPolicyVersions(String id) {
}
