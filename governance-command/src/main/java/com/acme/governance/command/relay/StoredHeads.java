package com.acme.governance.command.relay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The last stored sequence number of every aggregate with events in a window of event time, read from the event
 * store's collection (Axon's document-per-event layout, whose ISO-8601 timestamps sort as text).
 */
public class StoredHeads {

    private final MongoCollection<Document> events;
    private final EventEntryConfiguration layout;

    public StoredHeads(MongoCollection<Document> events, EventEntryConfiguration layout) {
        this.events = events;
        this.layout = layout;
    }

    public Map<String, Long> between(Instant from, Instant to) {
        Map<String, Long> heads = new HashMap<>();
        String timestamp = layout.timestampProperty();
        // as Axon writes them (always with milliseconds), so that the text order is the time order
        events.find(Filters.and(Filters.gte(timestamp, DateTimeUtils.formatInstant(from)),
                        Filters.lt(timestamp, DateTimeUtils.formatInstant(to))))
                .projection(Projections.include(layout.aggregateIdentifierProperty(), layout.sequenceNumberProperty()))
                .forEach(event -> heads.merge(event.getString(layout.aggregateIdentifierProperty()),
                        event.get(layout.sequenceNumberProperty(), Number.class).longValue(), Math::max));
        return heads;
    }
}
