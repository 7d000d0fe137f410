package com.acme.governance.command.dataproduct;

import com.acme.governance.api.authorization.GovernanceRules;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.command.common.NotPermittedException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may change a product, known before its command is sent: its owner team, fixed by its registration, or a
 * data steward ({@link GovernanceRules#actsForProduct}, the rule the aggregate applies too). For the edge, which must refuse a
 * caller who may not change the product before it looks at the version the caller sent.
 */
@Component("commandDataProductOwners")
public class DataProductOwners {

    private final EventStore eventStore;

    public DataProductOwners(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @throws NotPermittedException       unless the actor is of the owner team or a steward
     * @throws AggregateNotFoundException when there is no such product
     */
    public void requireMayChange(DataProductId id, Actor actor) {
        DomainEventMessage<?> registration = eventStore.readEvents(id.toString(), 0).asStream().findFirst()
                .filter(event -> DataProduct.class.getSimpleName().equals(event.getType()))
                .orElseThrow(() -> new AggregateNotFoundException(id.toString(), "no DataProduct " + id));
        if (registration.getPayload() instanceof DataProductRegistered registered
                && !GovernanceRules.actsForProduct(actor, registered.ownerTeam())) {
            throw new NotPermittedException(GovernanceRules.actsForProductRefusal(actor, registered.ownerTeam()));
        }
    }
}
