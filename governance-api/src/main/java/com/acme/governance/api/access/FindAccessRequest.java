package com.acme.governance.api.access;

public record FindAccessRequest(AccessRequestId requestId) {
}
