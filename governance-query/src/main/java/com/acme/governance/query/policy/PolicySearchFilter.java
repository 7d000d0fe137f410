package com.acme.governance.query.policy;

import com.acme.governance.api.policy.ListPolicies;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * The MongoDB filter of a policy list query, built only from validated values. {@code domain} selects the
 * policies scoped to that domain, as the scope field says; global policies have no domain and are not among them.
 */
final class PolicySearchFilter {

    /** The domain of a policy's scope, as the record codec stores {@link PolicyView#scope()}. */
    static final String SCOPE_DOMAIN = "scope.domain";

    private PolicySearchFilter() {
    }

    static Bson of(ListPolicies query) {
        List<Bson> conditions = new ArrayList<>();
        if (query.status() != null) {
            conditions.add(Filters.eq("status", query.status().name()));
        }
        if (query.domain() != null) {
            conditions.add(Filters.eq(SCOPE_DOMAIN, query.domain()));
        }
        return conditions.isEmpty() ? Filters.empty() : Filters.and(conditions);
    }
}
