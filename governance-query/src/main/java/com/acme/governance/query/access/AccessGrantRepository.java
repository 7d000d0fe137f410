package com.acme.governance.query.access;

import com.acme.governance.api.access.ListAccessAsOf;
import com.acme.governance.api.access.ListAccessGrants;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.web.PageView;
import com.acme.governance.query.web.Window;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads the grants of the {@code access_grants} read model. */
@Component("queryAccessGrantRepository")
public class AccessGrantRepository {

    private final MongoCollection<AccessGrantView> grants;

    public AccessGrantRepository(ReadModelDatabase database) {
        this.grants = AccessGrantProjection.collectionIn(database);
    }

    /** Empty too while the request with that id is not granted. */
    public Optional<AccessGrantView> find(String id) {
        return Optional.ofNullable(grants.find(Filters.and(Filters.eq("_id", id), AccessGrantSearchFilter.granted())).first());
    }

    /** One page, earliest start first (then by id, so that paging is stable). */
    public PageView<AccessGrantView> search(ListAccessGrants query) {
        return page(AccessGrantSearchFilter.of(query), query.page(), query.size(), Function.identity());
    }

    /** The matching grants in the window, in the same order; the query's page and size are not read. */
    public List<AccessGrantView> search(ListAccessGrants query, Window window) {
        return slice(AccessGrantSearchFilter.of(query), window, Function.identity());
    }

    public long count(ListAccessGrants query) {
        return grants.countDocuments(AccessGrantSearchFilter.of(query));
    }

    /** The grants in force at that instant, as they were given, in the same order. */
    public PageView<AccessHeldView> heldAt(ListAccessAsOf query) {
        return page(AccessGrantSearchFilter.heldAt(query), query.page(), query.size(),
                grant -> AccessHeldView.of(grant, query.at()));
    }

    /** The grants in force at that instant in the window; the query's page and size are not read. */
    public List<AccessHeldView> heldAt(ListAccessAsOf query, Window window) {
        return slice(AccessGrantSearchFilter.heldAt(query), window, grant -> AccessHeldView.of(grant, query.at()));
    }

    public long countHeldAt(ListAccessAsOf query) {
        return grants.countDocuments(AccessGrantSearchFilter.heldAt(query));
    }

    private <T> PageView<T> page(Bson filter, int page, int size, Function<AccessGrantView, T> view) {
        return new PageView<>(slice(filter, Window.page(page, size), view), page, size, grants.countDocuments(filter));
    }

    private <T> List<T> slice(Bson filter, Window window, Function<AccessGrantView, T> view) {
        return grants.find(filter)
                .sort(Sorts.ascending("startsAt", "_id"))
                .skip(Math.toIntExact(window.skip()))
                .limit(window.limit())
                .map(view::apply)
                .into(new ArrayList<>());
    }
}
