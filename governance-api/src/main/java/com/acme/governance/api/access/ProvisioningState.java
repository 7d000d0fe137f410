package com.acme.governance.api.access;

/**
 * Whether a grant's access is in place on the Kafka cluster: PENDING from the grant until its ACLs are created,
 * PROVISIONED once they are, DEPROVISIONED once the grant ended and they were removed, FAILED when a step could not
 * be done after its retries (the reconciler tries again).
 */
public enum ProvisioningState {
    PENDING, PROVISIONED, DEPROVISIONED, FAILED
}
