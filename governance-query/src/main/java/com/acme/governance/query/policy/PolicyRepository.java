package com.acme.governance.query.policy;

import com.acme.governance.api.policy.ListPolicies;
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
        Bson filter = PolicySearchFilter.of(query);
        List<PolicyView> items = policies.find(filter)
                .sort(Sorts.ascending(ID))
                .skip(query.page() * query.size())
                .limit(query.size())
                .into(new ArrayList<>());
        return new PageView<>(items, query.page(), query.size(), policies.countDocuments(filter));
    }

    /** Every version of a policy, oldest first; empty for an unknown policy. */
    public List<PolicyVersionView> versionsOf(String id) {
        return versions.find(Filters.eq("policyId", id))
                .sort(Sorts.ascending("version"))
                .into(new ArrayList<>());
    }
}
