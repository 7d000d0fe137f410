package com.acme.governance.query.access;

import com.acme.governance.api.access.ListAccessRequests;
import com.acme.governance.api.audit.Actor;
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

/** Reads the {@code access_requests} read model. */
@Component("queryAccessRequestRepository")
public class AccessRequestRepository {

    private final MongoCollection<AccessRequestView> requests;

    public AccessRequestRepository(ReadModelDatabase database) {
        this.requests = AccessRequestProjection.collectionIn(database);
    }

    public Optional<AccessRequestView> find(String id) {
        return Optional.ofNullable(requests.find(Filters.eq("_id", id)).first());
    }

    /**
     * One page, oldest request first (then by id, so that paging is stable).
     *
     * @param caller who asks: {@code awaitingMyApproval} is about them
     */
    public PageView<AccessRequestView> search(ListAccessRequests query, Actor caller) {
        return new PageView<>(search(query, caller, Window.page(query.page(), query.size())), query.page(),
                query.size(), count(query, caller));
    }

    /** The matching requests in the window, in the same order; the query's page and size are not read. */
    public List<AccessRequestView> search(ListAccessRequests query, Actor caller, Window window) {
        return requests.find(AccessRequestSearchFilter.of(query, caller))
                .sort(Sorts.ascending("requestedAt", "_id"))
                .skip(Math.toIntExact(window.skip()))
                .limit(window.limit())
                .into(new ArrayList<>());
    }

    public long count(ListAccessRequests query, Actor caller) {
        return requests.countDocuments(AccessRequestSearchFilter.of(query, caller));
    }
}
