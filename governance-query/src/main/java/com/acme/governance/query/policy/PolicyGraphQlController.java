package com.acme.governance.query.policy;

import com.acme.governance.api.policy.ListPolicies;
import com.acme.governance.api.policy.PolicyId;
import com.acme.governance.query.asof.AggregateAsOf;
import com.acme.governance.query.asof.AsOfParameter;
import com.acme.governance.query.graphql.Connection;
import com.acme.governance.query.graphql.Connections;
import com.acme.governance.query.graphql.GraphQlArguments;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The policies in GraphQL ({@code graphql/policy.graphqls}): the reads of the REST read side. */
@Controller("queryPolicyGraphQlController")
public class PolicyGraphQlController {

    private final PolicyRepository policies;
    private final AggregateAsOf history;

    public PolicyGraphQlController(PolicyRepository policies, AggregateAsOf history) {
        this.policies = policies;
        this.history = history;
    }

    @QueryMapping
    public Connection<PolicyView> policies(@Argument Map<String, Object> filter, @Argument Integer first,
                                           @Argument String after) {
        Connections.Request<ListPolicies> request = Connections.request(
                () -> PolicyListParameters.parse(GraphQlArguments.asParameters(filter)), first, after);
        return Connections.of(request.page(), policies.search(request.query(), request.page().window()),
                policies.count(request.query()));
    }

    @QueryMapping
    public PolicyView policy(@Argument String id, @Argument Instant asOf) {
        String policyId = GraphQlArguments.id(id, PolicyId::of).value();
        return history.todayOrAsOf(GraphQlArguments.with(new LinkedMultiValueMap<>(), AsOfParameter.AS_OF, asOf),
                "Policy", PolicyProjection.AGGREGATE_TYPE, policyId, PolicyFold::apply, () -> policies.find(policyId));
    }

    @SchemaMapping(typeName = "Policy", field = "etag")
    public long etag(PolicyView policy) {
        return policy.eventCount();
    }

    /** Every listed policy's versions in one read. */
    @BatchMapping(typeName = "Policy", field = "versions")
    public Map<PolicyView, List<PolicyVersionView>> versions(List<PolicyView> listed) {
        Map<String, List<PolicyVersionView>> byId = new HashMap<>();
        policies.versionsOf(listed.stream().map(PolicyView::id).toList())
                .forEach(version -> byId.computeIfAbsent(version.policyId(), id -> new ArrayList<>()).add(version));
        Map<PolicyView, List<PolicyVersionView>> versions = new LinkedHashMap<>();
        listed.forEach(policy -> versions.put(policy, byId.getOrDefault(policy.id(), List.of())));
        return versions;
    }

}
