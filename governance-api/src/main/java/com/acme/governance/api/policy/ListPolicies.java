package com.acme.governance.api.policy;

public record ListPolicies(PolicyStatus status, String domain, int page, int size) {
}
