package com.acme.governance.query.ingestion;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Reads an event's JSON payload into its published record. */
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
                    .readValue(event.payload());
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException(event.type(),
                    "payload of " + event.describe() + " is not a valid " + eventClass.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
