package com.acme.governance.api.access;

import com.acme.governance.api.audit.EventType;
import com.acme.governance.api.dataproduct.DataProductId;
import org.axonframework.serialization.Revision;

/**
 * A step of the grant's life on the cluster could not be done after its retries; the reconciler tries it again.
 *
 * @param reason   what the cluster answered, e.g. "not authorized to alter ACLs"
 * @param attempts how many times it was tried
 */
@EventType("governance.access-grant.provisioning-failed")
@Revision("1")
public record ProvisioningFailed(String requestId, DataProductId dataProductId, ProvisioningStep step, String reason,
                                 int attempts) {
}
