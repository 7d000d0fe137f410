package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.policy.ApprovalRole;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests whose next required approval the caller can give, by the command side's rules: still PENDING,
 * not their own (separation of duties), not approved by them already, and an outstanding approval they may give:
 * OWNER as a member of the product's owner team, STEWARD as a data steward.
 */
final class AwaitingApprovalFilter {

    private AwaitingApprovalFilter() {
    }

    static Bson of(Actor caller) {
        List<Bson> canGive = new ArrayList<>();
        if (!caller.teams().isEmpty()) {
            canGive.add(Filters.and(Filters.eq("outstandingApprovals", ApprovalRole.OWNER.name()),
                    Filters.in("ownerTeam", caller.teams())));
        }
        if (caller.isSteward()) {
            canGive.add(Filters.eq("outstandingApprovals", ApprovalRole.STEWARD.name()));
        }
        if (canGive.isEmpty()) {
            return Filters.in("_id", List.of()); // no team, no steward: there is no approval this caller could give
        }
        return Filters.and(
                Filters.eq("status", AccessRequestStatus.PENDING.name()),
                Filters.ne("requestedBy", caller.principal()),
                Filters.ne("approvals.principal", caller.principal()), // on an array: no element is theirs
                canGive.size() == 1 ? canGive.get(0) : Filters.or(canGive));
    }
}
