package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.command.dataproduct.ContractCatalog;
import com.acme.governance.command.dataproduct.DataProduct;
import com.acme.governance.command.dataproduct.ProductFacts;
import com.acme.governance.command.policy.EffectivePolicy;
import com.acme.governance.command.policy.catalog.PolicyCatalog;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Reads the product from its own events and the policies from the command side's policy catalog. The product is
 * loaded through a repository of its own, without the aggregate cache: a cached copy may be stale when another
 * instance changed the product, and reading it appends nothing that the event store could reject (ADR 0006).
 */
@Component
class RepositoryAccessContext implements AccessContext {

    private final Repository<DataProduct> products;
    private final PolicyCatalog policies;

    RepositoryAccessContext(EventStore eventStore, PolicyCatalog policies, ContractCatalog contracts) {
        // its handlers are never called here, yet each parameter they take must resolve to build the model
        this.products = EventSourcingRepository.builder(DataProduct.class).eventStore(eventStore)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(DataProduct.class),
                        new SimpleResourceParameterResolverFactory(Set.of(contracts))))
                .build();
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
