package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AccessGrantStatus;

import java.time.Instant;
import java.util.List;

/**
 * A grant as the read side answers it: its id is the id of the request it came from.
 *
 * @param expiresAt when it ends by itself, if nothing ends it earlier
 * @param expiredAt when it did end by itself (EXPIRED only)
 */
public record AccessGrantView(String id, String dataProductId, String consumerTeam, String ownerTeam, String purpose,
                              String requestedBy, AccessGrantStatus status, Instant startsAt, Instant expiresAt,
                              List<ApprovalView> approvals, AccessDecision decision, String revokedBy,
                              String revocationReason, Instant revokedAt, Instant expiredAt, Instant updatedAt) {
}
