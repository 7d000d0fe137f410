package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.command.dataproduct.ProductFacts;
import com.acme.governance.command.policy.CatalogPolicy;
import com.acme.governance.command.policy.EffectivePolicy;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Products and policies as a test states them; decisions by the real {@link EffectivePolicy}. */
final class StubAccessContext implements AccessContext {

    private final Map<String, ProductFacts> products = new HashMap<>();
    private final List<CatalogPolicy> policies = new ArrayList<>();

    StubAccessContext with(ProductFacts product) {
        products.put(product.id(), product);
        return this;
    }

    StubAccessContext with(CatalogPolicy policy) {
        policies.add(policy);
        return this;
    }

    @Override
    public ProductFacts product(DataProductId id) {
        ProductFacts product = products.get(id.toString());
        if (product == null) {
            throw new AggregateNotFoundException(id.toString(), "no such product");
        }
        return product;
    }

    @Override
    public AccessDecision decide(ProductFacts product) {
        return EffectivePolicy.decide(product, policies);
    }
}
