package com.acme.governance.api.policy;

public record FindPolicy(String id) {
}
