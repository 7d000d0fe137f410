package com.acme.governance.api.access;

import com.acme.governance.api.audit.EventType;
import com.acme.governance.api.policy.ApprovalRole;
import org.axonframework.serialization.Revision;

import java.util.List;

@EventType("governance.access-request.approved")
@Revision("1")
public record AccessRequestApproved(String requestId, String approvedBy, ApprovalRole role, List<ApprovalRole> outstandingApprovals) {
}
