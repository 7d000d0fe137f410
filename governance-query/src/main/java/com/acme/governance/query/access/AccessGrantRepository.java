package com.acme.governance.query.access;

import com.acme.governance.api.access.ListAccessAsOf;
import com.acme.governance.api.access.ListAccessGrants;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.web.PageView;
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

    /** The grants in force at that instant, as they were given, in the same order. */
    public PageView<AccessHeldView> heldAt(ListAccessAsOf query) {
        return page(AccessGrantSearchFilter.heldAt(query), query.page(), query.size(), AccessHeldView::of);
    }

    private <T> PageView<T> page(Bson filter, int page, int size, Function<AccessGrantView, T> view) {
        List<T> items = grants.find(filter)
                .sort(Sorts.ascending("startsAt", "_id"))
                .skip(page * size)
                .limit(size)
                .map(view::apply)
                .into(new ArrayList<>());
        return new PageView<>(items, page, size, grants.countDocuments(filter));
    }
}
