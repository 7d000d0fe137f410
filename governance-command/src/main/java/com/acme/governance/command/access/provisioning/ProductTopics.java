package com.acme.governance.command.access.provisioning;

import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.PortKind;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The addresses of a product's {@code KAFKA_TOPIC} output ports as its own events last set them, read from the
 * event store: the provisioner needs the product as it is, not as a read model may still show it.
 */
public class ProductTopics {

    private final EventStore eventStore;

    public ProductTopics(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<String> of(DataProductId product) {
        List<OutputPort> ports = List.of();
        DomainEventStream events = eventStore.readEvents(product.toString());
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof DataProductRegistered registered) {
                ports = registered.outputPorts();
            } else if (event.getPayload() instanceof DataProductUpdated updated) {
                ports = updated.outputPorts();
            }
        }
        LinkedHashSet<String> topics = new LinkedHashSet<>();
        for (OutputPort port : ports == null ? List.<OutputPort>of() : ports) {
            if (port.kind() == PortKind.KAFKA_TOPIC) {
                topics.add(port.address().trim());
            }
        }
        return new ArrayList<>(topics);
    }
}
