package com.acme.governance.query.audit.verify;

import com.acme.governance.api.audit.EventCatalog;
import com.acme.governance.api.audit.EventType;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The published type of a stored event as it was when it was stored: its class's {@link EventType} name with the
 * revision recorded beside the payload, not the class's revision today. An upcaster may since have given the class a
 * new revision; what the chain sealed, and what is verified, is the type the event was stored as.
 */
final class StoredEventType {

    private static final Map<String, String> NAME_BY_CLASS = EventCatalog.events().stream()
            .collect(Collectors.toUnmodifiableMap(Class::getName, type -> type.getAnnotation(EventType.class).value()));

    private StoredEventType() {
    }

    /**
     * @return e.g. {@code governance.dataproduct.registered.v1}; for a payload type outside the catalog, the payload
     *         type as stored, which no sealed event has, so that its hash fails
     */
    static String of(String payloadType, String payloadRevision) {
        String name = NAME_BY_CLASS.get(payloadType);
        return name == null ? payloadType + ".v" + payloadRevision : name + ".v" + payloadRevision;
    }
}
