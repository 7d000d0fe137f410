package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.access.ApprovalEligibility;
import com.acme.governance.api.access.ApprovalEligibility.ApprovalRight;
import com.acme.governance.api.audit.Actor;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.List;

/**
 * The requests whose next required approval the caller can give, by the rule the command side decides with
 * ({@link ApprovalEligibility}): still PENDING, not their own, not asked for by one of their teams, not approved by them already, and an outstanding
 * approval that one of their approval rights covers.
 */
final class AwaitingApprovalFilter {

    private AwaitingApprovalFilter() {
    }

    static Bson of(Actor caller) {
        List<Bson> canGive = ApprovalEligibility.rightsOf(caller).stream().map(AwaitingApprovalFilter::outstanding)
                .toList();
        if (canGive.isEmpty()) {
            return Filters.in("_id", List.of()); // there is no approval this caller could give
        }
        return Filters.and(
                Filters.eq("status", AccessRequestStatus.PENDING.name()),
                Filters.ne("requestedBy", caller.principal()),
                Filters.nin("consumerTeam", caller.teams()),
                Filters.ne("approvals.principal", caller.principal()), // on an array: no element is theirs
                canGive.size() == 1 ? canGive.get(0) : Filters.or(canGive));
    }

    /** The requests on which this right's approval is outstanding and that it covers. */
    private static Bson outstanding(ApprovalRight right) {
        Bson outstanding = Filters.eq("outstandingApprovals", right.role().name());
        return right.onEveryProduct() ? outstanding
                : Filters.and(outstanding, Filters.in("ownerTeam", right.ownerTeams()));
    }
}
