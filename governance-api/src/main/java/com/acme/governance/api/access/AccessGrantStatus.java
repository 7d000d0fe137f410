package com.acme.governance.api.access;

/** A grant is ACTIVE from its start until it is REVOKED or EXPIRED. */
public enum AccessGrantStatus {
    ACTIVE, REVOKED, EXPIRED
}
