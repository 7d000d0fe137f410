package com.acme.governance.api.access;

public record FindAccessRequest(String requestId) {
}
