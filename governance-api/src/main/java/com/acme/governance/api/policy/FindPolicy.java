package com.acme.governance.api.policy;

public record FindPolicy(PolicyId id) {
}
