package com.acme.governance.query.ingestion;

import com.acme.governance.api.audit.EventCatalog;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Reads an event's JSON payload into its published record. A revision the contract superseded (still on the topic as
 * it was sealed) is first made the current one by the catalogue's own transform, the one the command side's upcaster
 * applies, rather than left to Jackson's defaults: a transform may derive what defaults cannot, and both sides then read
 * an old event alike (adr/0027).
 */
@Component("queryEventPayloads")
public class EventPayloads {

    private final ObjectMapper objectMapper;

    public EventPayloads(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public <T> T read(IncomingEvent event, Class<T> eventClass) {
        try {
            // Tolerant of added fields: a compatible newer producer may extend a revision's payload.
            return objectMapper.readerFor(eventClass)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(EventCatalog.toCurrentRevision(event.type(), event.payload()));
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException(event.type(),
                    "payload of " + event.describe() + " is not a valid " + eventClass.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
