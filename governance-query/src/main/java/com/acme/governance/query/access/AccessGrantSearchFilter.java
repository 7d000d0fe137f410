package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessGrantStatus;
import com.acme.governance.api.access.ListAccessAsOf;
import com.acme.governance.api.access.ListAccessGrants;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The MongoDB filter of an access grant list query, built only from validated values. */
final class AccessGrantSearchFilter {

    private static final List<String> GRANT_STATUSES = Arrays.stream(AccessGrantStatus.values()).map(Enum::name).toList();

    private AccessGrantSearchFilter() {
    }

    /**
     * The documents of {@code access_grants} that are grants: the projection keeps a statusless one for every
     * request until it is granted.
     */
    static Bson granted() {
        return Filters.in("status", GRANT_STATUSES);
    }

    static Bson of(ListAccessGrants query) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(query.status() != null ? Filters.eq("status", query.status().name()) : granted());
        if (query.dataProductId() != null) {
            conditions.add(Filters.eq("dataProductId", query.dataProductId().toString()));
        }
        if (query.consumerTeam() != null) {
            conditions.add(Filters.eq("consumerTeam", query.consumerTeam().value()));
        }
        return Filters.and(conditions);
    }

    /**
     * The grants in force at {@code query.at()}: started by then, not yet at their end, and not revoked by then. Every
     * bound is a time the grant's events recorded, so a revocation or an expiry after that instant does not count.
     */
    static Bson heldAt(ListAccessAsOf query) {
        List<Bson> conditions = new ArrayList<>();
        if (query.dataProductId() != null) {
            conditions.add(Filters.eq("dataProductId", query.dataProductId().toString()));
        }
        if (query.consumerTeam() != null) {
            conditions.add(Filters.eq("consumerTeam", query.consumerTeam().value()));
        }
        conditions.add(granted());
        conditions.add(Filters.lte("startsAt", query.at()));
        conditions.add(Filters.gt("expiresAt", query.at()));
        conditions.add(Filters.or(Filters.exists("revokedAt", false), Filters.eq("revokedAt", null),
                Filters.gt("revokedAt", query.at())));
        return Filters.and(conditions);
    }
}
