package com.acme.governance.query.access;

import com.acme.governance.api.policy.ApprovalRole;

import java.time.Instant;

/** One approval of an access request: who gave it, as which role, and when. */
public record ApprovalView(String principal, ApprovalRole role, Instant approvedAt) {
}
