package com.acme.governance.query.policy;

import com.acme.governance.api.policy.ListPolicies;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.web.PageView;
import com.acme.governance.query.web.Window;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads the {@code policies} and {@code policy_versions} read models. */
@Component("queryPolicyRepository")
public class PolicyRepository {

    private static final String ID = "_id";

    private final MongoCollection<PolicyView> policies;
    private final MongoCollection<PolicyVersionView> versions;

    public PolicyRepository(ReadModelDatabase database) {
        this.policies = PolicyProjection.policiesIn(database);
        this.versions = PolicyProjection.versionsIn(database);
    }

    public Optional<PolicyView> find(String id) {
        return Optional.ofNullable(policies.find(Filters.eq(ID, id)).first());
    }

    public boolean exists(String id) {
        return policies.countDocuments(Filters.eq(ID, id)) > 0;
    }

    /** One page, in id order so that paging is stable. */
    public PageView<PolicyView> search(ListPolicies query) {
        return new PageView<>(search(query, Window.page(query.page(), query.size())), query.page(), query.size(),
                count(query));
    }

    /** The matching policies in the window, in id order; the query's page and size are not read. */
    public List<PolicyView> search(ListPolicies query, Window window) {
        return policies.find(PolicySearchFilter.of(query))
                .sort(Sorts.ascending(ID))
                .skip(Math.toIntExact(window.skip()))
                .limit(window.limit())
                .into(new ArrayList<>());
    }

    public long count(ListPolicies query) {
        return policies.countDocuments(PolicySearchFilter.of(query));
    }

    /** The policies of these ids that exist, in one read. */
    public List<PolicyView> findAll(Collection<String> ids) {
        return policies.find(Filters.in(ID, ids)).into(new ArrayList<>());
    }

    /** Every version of these policies, oldest first per policy, in one read. */
    public List<PolicyVersionView> versionsOf(Collection<String> ids) {
        return versions.find(Filters.in("policyId", ids))
                .sort(Sorts.ascending("policyId", "version"))
                .into(new ArrayList<>());
    }

    /** Every version of a policy, oldest first; empty for an unknown policy. */
    public List<PolicyVersionView> versionsOf(String id) {
        return versions.find(Filters.eq("policyId", id))
                .sort(Sorts.ascending("version"))
                .into(new ArrayList<>());
    }
}
