package com.acme.governance.api.access;

/** Which step of a grant's life on the cluster: creating its ACLs at the start, removing them at the end. */
public enum ProvisioningStep {
    PROVISION, DEPROVISION
}
