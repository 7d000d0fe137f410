package com.acme.governance.api.access;

import com.acme.governance.api.audit.EventType;
import com.acme.governance.api.dataproduct.DataProductId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@EventType("governance.access-grant.granted")
@Revision("1")
public record AccessGranted(String requestId, DataProductId dataProductId, String consumerTeam, Instant startsAt, Instant expiresAt) {
}
