package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.command.dataproduct.DataProduct;
import com.acme.governance.command.dataproduct.ProductFacts;
import com.acme.governance.command.policy.EffectivePolicy;
import com.acme.governance.command.policy.catalog.PolicyCatalog;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Reads the product from its own event-sourced aggregate (current as of this command, never stale) and the
 * policies from the command side's policy catalog.
 */
@Component
class RepositoryAccessContext implements AccessContext {

    private final Repository<DataProduct> products;
    private final PolicyCatalog policies;

    RepositoryAccessContext(Repository<DataProduct> products, PolicyCatalog policies) {
        this.products = products;
        this.policies = policies;
    }

    @Override
    public ProductFacts product(DataProductId id) {
        return products.load(id.toString()).invoke(DataProduct::facts);
    }

    @Override
    public AccessDecision decide(ProductFacts product) {
        return EffectivePolicy.decide(product, policies.activePolicies());
    }
}
