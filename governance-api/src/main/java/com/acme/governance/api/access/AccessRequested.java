package com.acme.governance.api.access;

import com.acme.governance.api.audit.EventType;
import com.acme.governance.api.dataproduct.DataProductId;
import org.axonframework.serialization.Revision;

@EventType("governance.access-request.requested")
@Revision("1")
public record AccessRequested(String requestId, DataProductId dataProductId, String ownerTeam, String consumerTeam, String purpose, int durationDays, String requestedBy, AccessDecision decision) {
}
