package com.acme.governance.command.dataproduct;

import com.acme.governance.api.dataproduct.ContractReference;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.contracts.ContractReferences;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads a referenced product's own events, from its first (never a snapshot): a contract version is in the catalog
 * once its event is stored, and stays as it was published.
 */
@Component
class EventStoreContractCatalog implements ContractCatalog {

    private final EventStore eventStore;

    EventStoreContractCatalog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<ContractReferences.Published> find(ContractReference reference) {
        DomainEventStream events = eventStore.readEvents(reference.product().toString(), 0L);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof ContractVersionPublished published
                    && published.version().equals(reference.version())) {
                return Optional.of(new ContractReferences.Published(published.schemaType(), published.schema(),
                        published.references()));
            }
        }
        return Optional.empty();
    }
}
