package com.acme.governance.query.links;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AppliedPolicy;
import com.acme.governance.query.access.AccessGrantView;
import com.acme.governance.query.access.AccessRequestView;
import com.acme.governance.query.dataproduct.DataProductRepository;
import com.acme.governance.query.dataproduct.DataProductView;
import com.acme.governance.query.policy.PolicyRepository;
import com.acme.governance.query.policy.PolicyView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The entities an access request or grant names, in GraphQL: its product, a request's policies. Batch-loaded, one
 * read of each kind for a whole list, never one per item. A package of its own because it joins features that do
 * not otherwise know each other (access, data products, policies).
 */
@Controller("queryAccessLinksGraphQlController")
public class AccessLinksGraphQlController {

    private final DataProductRepository products;
    private final PolicyRepository policies;

    public AccessLinksGraphQlController(DataProductRepository products, PolicyRepository policies) {
        this.products = products;
        this.policies = policies;
    }

    @BatchMapping(typeName = "AccessRequest", field = "dataProduct")
    public Map<AccessRequestView, DataProductView> requestedProducts(List<AccessRequestView> listed) {
        return byKey(listed, AccessRequestView::dataProductId);
    }

    @BatchMapping(typeName = "AccessGrant", field = "dataProduct")
    public Map<AccessGrantView, DataProductView> grantedProducts(List<AccessGrantView> listed) {
        return byKey(listed, AccessGrantView::dataProductId);
    }

    /** Every listed request's policies, in one read of them all. */
    @BatchMapping(typeName = "AccessRequest", field = "policies")
    public Map<AccessRequestView, List<PolicyView>> decidingPolicies(List<AccessRequestView> listed) {
        Map<String, PolicyView> byId = policies.findAll(listed.stream().flatMap(request -> policyIds(request).stream())
                .distinct().toList()).stream().collect(Collectors.toMap(PolicyView::id, Function.identity()));
        Map<AccessRequestView, List<PolicyView>> decided = new LinkedHashMap<>();
        listed.forEach(request -> decided.put(request, policyIds(request).stream().map(byId::get)
                .filter(Objects::nonNull).toList()));
        return decided;
    }

    private <T> Map<T, DataProductView> byKey(List<T> listed, Function<T, String> productId) {
        Map<String, DataProductView> byId = products.findAll(listed.stream().map(productId).distinct().toList())
                .stream().collect(Collectors.toMap(DataProductView::id, Function.identity()));
        Map<T, DataProductView> found = new LinkedHashMap<>();
        listed.forEach(item -> found.put(item, byId.get(productId.apply(item))));
        return found;
    }

    private static List<String> policyIds(AccessRequestView request) {
        AccessDecision decision = request.decision();
        return decision == null ? List.of() : decision.policies().stream().map(AppliedPolicy::policyId).toList();
    }
}
