package com.acme.governance.query.access;

import com.acme.governance.api.access.ListAccessRequests;
import com.acme.governance.api.audit.Actor;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/** The MongoDB filter of an access request list query, built only from validated values and the caller. */
final class AccessRequestSearchFilter {

    private AccessRequestSearchFilter() {
    }

    static Bson of(ListAccessRequests query, Actor caller) {
        List<Bson> conditions = new ArrayList<>();
        if (query.status() != null) {
            conditions.add(Filters.eq("status", query.status().name()));
        }
        if (query.dataProductId() != null) {
            conditions.add(Filters.eq("dataProductId", query.dataProductId().toString()));
        }
        if (query.consumerTeam() != null) {
            conditions.add(Filters.eq("consumerTeam", query.consumerTeam().value()));
        }
        if (query.awaitingMyApproval()) {
            conditions.add(AwaitingApprovalFilter.of(caller));
        }
        return conditions.isEmpty() ? Filters.empty() : Filters.and(conditions);
    }
}
