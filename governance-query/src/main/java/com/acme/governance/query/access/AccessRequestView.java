package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.policy.ApprovalRole;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;
import java.util.List;

/**
 * An access request as the read side answers it, and as {@code access_requests} stores it (through the driver's record
 * codec, keyed by its id).
 *
 * @param decision   the effective policy fixed when the request was made: which policy versions applied and what
 *                   they demanded, so that anyone can see why it was decided as it was
 * @param closedAt   when it reached a final status: rejected, withdrawn, or its grant revoked or expired
 * @param eventCount the number of events of the request's stream applied to it: bookkeeping, not in the answer
 */
public record AccessRequestView(@BsonId String id, String dataProductId, String ownerTeam, String consumerTeam, String purpose,
                                int durationDays, String requestedBy, Instant requestedAt, AccessRequestStatus status,
                                List<ApprovalRole> requiredApprovals, List<ApprovalRole> outstandingApprovals,
                                List<ApprovalView> approvals, AccessDecision decision, String rejectedBy,
                                String rejectionReason, Instant rejectedAt, String withdrawnBy, Instant withdrawnAt,
                                Instant grantedAt, Instant expiresAt, Instant closedAt, Instant updatedAt,
                                @JsonIgnore long eventCount) {
}
