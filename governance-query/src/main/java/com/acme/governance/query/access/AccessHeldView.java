package com.acme.governance.query.access;

import com.acme.governance.api.access.AppliedPolicy;

import java.time.Instant;
import java.util.List;

/**
 * A grant as it stood at an instant it was in force: what was decided when it was given (approvals, the policies and
 * versions of its decision, the end it was given), nothing that happened to it afterwards.
 *
 * @param grantedAt   when it started, the time of its last required approval
 * @param aclsInPlace whether its ACLs were on the Kafka cluster at that instant, as recorded: created before it and
 *                    not yet removed
 */
public record AccessHeldView(String grantId, String dataProductId, String consumerTeam, String purpose,
                             Instant grantedAt, Instant expiresAt, List<ApprovalView> approvals,
                             List<AppliedPolicy> policies, boolean aclsInPlace) {

    static AccessHeldView of(AccessGrantView grant, Instant at) {
        boolean aclsInPlace = grant.provisionedAt() != null && !grant.provisionedAt().isAfter(at)
                && (grant.deprovisionedAt() == null || grant.deprovisionedAt().isAfter(at));
        return new AccessHeldView(grant.id(), grant.dataProductId(), grant.consumerTeam(), grant.purpose(),
                grant.startsAt(), grant.expiresAt(), grant.approvals(),
                grant.decision() == null ? List.of() : grant.decision().policies(), aclsInPlace);
    }
}
