package com.acme.governance.api.access;

import com.acme.governance.api.audit.EventType;
import org.axonframework.serialization.Revision;

@EventType("governance.access-request.withdrawn")
@Revision("1")
public record AccessRequestWithdrawn(String requestId, String withdrawnBy) {
}
