package com.acme.governance.api.policy;

/** Retirement is final. */
public enum PolicyStatus {
    ACTIVE, RETIRED
}
