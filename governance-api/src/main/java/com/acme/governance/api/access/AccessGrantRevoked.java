package com.acme.governance.api.access;

import com.acme.governance.api.audit.EventType;
import com.acme.governance.api.dataproduct.DataProductId;
import org.axonframework.serialization.Revision;

@EventType("governance.access-grant.revoked")
@Revision("1")
public record AccessGrantRevoked(String requestId, DataProductId dataProductId, String revokedBy, String reason) {
}
