package com.acme.governance.api.access;

/** {@code PENDING -> GRANTED -> (REVOKED | EXPIRED)}, or {@code PENDING -> (REJECTED | WITHDRAWN)}. */
public enum AccessRequestStatus {
    PENDING, GRANTED, REJECTED, WITHDRAWN, REVOKED, EXPIRED
}
