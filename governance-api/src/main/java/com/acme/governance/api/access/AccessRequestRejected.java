package com.acme.governance.api.access;

import com.acme.governance.api.audit.EventType;
import org.axonframework.serialization.Revision;

@EventType("governance.access-request.rejected")
@Revision("1")
public record AccessRequestRejected(String requestId, String rejectedBy, String reason) {
}
