package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.policy.ApprovalRole;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

import static com.acme.governance.query.access.AccessFields.*;

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
            canGive.add(Filters.and(Filters.eq(OUTSTANDING_APPROVALS, ApprovalRole.OWNER.name()),
                    Filters.in(OWNER_TEAM, caller.teams())));
        }
        if (caller.isSteward()) {
            canGive.add(Filters.eq(OUTSTANDING_APPROVALS, ApprovalRole.STEWARD.name()));
        }
        if (canGive.isEmpty()) {
            return Filters.in(ID, List.of()); // no team, no steward: there is no approval this caller could give
        }
        return Filters.and(
                Filters.eq(STATUS, AccessRequestStatus.PENDING.name()),
                Filters.ne(REQUESTED_BY, caller.principal()),
                Filters.ne(APPROVAL_PRINCIPAL_PATH, caller.principal()), // on an array: no element is theirs
                canGive.size() == 1 ? canGive.get(0) : Filters.or(canGive));
    }
}
