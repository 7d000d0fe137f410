package com.acme.governance.api.access;

public record FindAccessGrant(AccessRequestId grantId) {
}
