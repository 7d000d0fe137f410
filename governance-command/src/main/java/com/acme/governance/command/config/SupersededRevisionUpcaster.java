package com.acme.governance.command.config;

import com.acme.governance.api.audit.EventCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads one revision that the {@link EventCatalog} superseded as its successor, when aggregates and the command
 * side's own processors load events, with the catalogue's transform: the query side reads that revision from Kafka
 * through the same one, so the two sides cannot read an old event differently (adr/0027). The stored event is never
 * changed; its hash covers it as it was sealed.
 */
public final class SupersededRevisionUpcaster extends SingleEventUpcaster {

    private final EventCatalog.Upcast upcast;
    private final SerializedType stored;

    public SupersededRevisionUpcaster(EventCatalog.Upcast upcast) {
        this.upcast = upcast;
        this.stored = new SimpleSerializedType(upcast.eventClass().getName(), upcast.fromRevision());
    }

    /** One upcaster per superseded revision, oldest first, so that a revision several steps old passes each step. */
    public static EventUpcaster ofCatalog() {
        return new EventUpcasterChain(EventCatalog.upcasts().stream()
                .<EventUpcaster>map(SupersededRevisionUpcaster::new)
                .toList());
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return stored.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(stored.getName(), upcast.toRevision()),
                JsonNode.class, upcast.toNext());
    }
}
