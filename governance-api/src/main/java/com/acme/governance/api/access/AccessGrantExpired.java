package com.acme.governance.api.access;

import com.acme.governance.api.audit.EventType;
import com.acme.governance.api.dataproduct.DataProductId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@EventType("governance.access-grant.expired")
@Revision("1")
public record AccessGrantExpired(String requestId, DataProductId dataProductId, Instant expiredAt) {
}
