package com.acme.governance.local;

import com.acme.governance.api.audit.AuditDigest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * Someone with write access to the databases, changing the history behind the services' backs through the MongoDB
 * driver: the event store's documents in Axon's layout, the audit trail's copies, and the digests.
 */
final class StoreTampering implements AutoCloseable {

    private static final EventEntryConfiguration LAYOUT = EventEntryConfiguration.getDefault();

    private final MongoClient client;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> copies;
    private final MongoCollection<Document> digests;

    StoreTampering(String connectionString) {
        this.client = MongoClients.create(connectionString);
        this.events = client.getDatabase("governance_events").getCollection("domainevents");
        this.copies = client.getDatabase("governance_read").getCollection("audit_events");
        this.digests = client.getDatabase("governance_events").getCollection("audit_digests");
    }

    void changeStoredPayload(String aggregateId, long sequence, UnaryOperator<String> change) {
        Document event = events.find(stored(aggregateId, sequence)).first();
        events.updateOne(stored(aggregateId, sequence), Updates.set(LAYOUT.payloadProperty(),
                change.apply(event.getString(LAYOUT.payloadProperty()))));
    }

    /** Swaps the places of two events of an aggregate, through a free sequence number (the index is unique). */
    void swapStored(String aggregateId, long first, long second) {
        events.updateOne(stored(aggregateId, first), Updates.set(LAYOUT.sequenceNumberProperty(), -1L));
        events.updateOne(stored(aggregateId, second), Updates.set(LAYOUT.sequenceNumberProperty(), first));
        events.updateOne(stored(aggregateId, -1), Updates.set(LAYOUT.sequenceNumberProperty(), second));
    }

    void deleteStored(String aggregateId, long sequence) {
        events.deleteOne(stored(aggregateId, sequence));
    }

    void deleteStoredAggregate(String aggregateId) {
        events.deleteMany(Filters.eq(LAYOUT.aggregateIdentifierProperty(), aggregateId));
    }

    void changeCopiedPayload(String aggregateId, long sequence, UnaryOperator<String> change) {
        Bson copy = Filters.and(Filters.eq("aggregateId", aggregateId), Filters.eq("sequence", sequence));
        copies.updateOne(copy, Updates.set("payload", change.apply(copies.find(copy).first().getString("payload"))));
    }

    /** Records a digest as the command side does: its JSON text exactly as signed, beside its id, time and root. */
    void recordDigest(String id, AuditDigest signed, String json) {
        digests.insertOne(new Document("_id", id).append("issuedAt", Date.from(signed.issuedAt()))
                .append("rootHash", signed.rootHash()).append("json", json));
    }

    void deleteDigest(String id) {
        digests.deleteOne(Filters.eq("_id", id));
    }

    private static Bson stored(String aggregateId, long sequence) {
        return Filters.and(Filters.eq(LAYOUT.aggregateIdentifierProperty(), aggregateId),
                Filters.eq(LAYOUT.sequenceNumberProperty(), sequence));
    }

    @Override
    public void close() {
        client.close();
    }
}
