package com.acme.governance.query.access;

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
        Bson filter = AccessGrantSearchFilter.of(query);
        List<AccessGrantView> items = grants.find(filter)
                .sort(Sorts.ascending("startsAt", "_id"))
                .skip(query.page() * query.size())
                .limit(query.size())
                .into(new ArrayList<>());
        return new PageView<>(items, query.page(), query.size(), grants.countDocuments(filter));
    }
}
