package com.acme.governance.command.audit;

import com.acme.governance.api.audit.EventCatalog;
import com.acme.governance.api.audit.HashChain;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.util.Collection;
import java.util.List;

/** The hash-chain view of a stored event: what its hash covers. */
public final class AuditLinks {

    private AuditLinks() {
    }

    public static HashChain.Link of(DomainEventMessage<?> event, ObjectMapper objectMapper) {
        MetaData metaData = event.getMetaData();
        return HashChain.Link.of(event.getAggregateIdentifier(), event.getSequenceNumber(),
                EventCatalog.typeOf(event.getPayloadType()), event.getIdentifier(), event.getTimestamp(),
                objectMapper.valueToTree(event.getPayload()), key -> text(metaData.get(key)),
                key -> strings(metaData.get(key)));
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public static List<String> strings(Object value) {
        return value instanceof Collection<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }
}
