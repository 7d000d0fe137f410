package com.acme.governance.command.audit.digest.issuing;

import com.acme.governance.api.audit.AuditDigest;
import com.acme.governance.api.audit.AuditMetadata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

import java.util.HashMap;
import java.util.Map;

/**
 * Every aggregate's head, read from the event store's own collection (Axon's document-per-event layout) in one pass:
 * its last stored sequence and that event's {@code hash}. It holds one head per aggregate, never an aggregate's
 * events. Events appended while the pass runs may or may not be seen; every head it answers is an event that was
 * stored (adr/0025).
 */
public class StoredChainHeads {

    /**
     * Events per round trip. Set, not left to the server: the embedded MongoDB-wire server otherwise answers a whole
     * collection in one reply, which the driver refuses beyond 48 MB (about 100,000 events).
     */
    static final int BATCH_SIZE = 1000;

    private final MongoCollection<Document> events;
    private final EventEntryConfiguration layout;
    private final ObjectMapper json;

    public StoredChainHeads(MongoCollection<Document> events, EventEntryConfiguration layout, ObjectMapper json) {
        this.events = events;
        this.layout = layout;
        this.json = json;
    }

    public Map<String, AuditDigest.Head> read() {
        Map<String, AuditDigest.Head> heads = new HashMap<>();
        events.find()
                .batchSize(BATCH_SIZE)
                .projection(Projections.include(layout.aggregateIdentifierProperty(), layout.sequenceNumberProperty(),
                        layout.typeProperty(), layout.metaDataProperty()))
                .forEach(event -> {
                    if (event.get(layout.typeProperty()) == null) {
                        return; // an event of no aggregate: it belongs to no hash chain
                    }
                    String aggregateId = event.getString(layout.aggregateIdentifierProperty());
                    long sequence = event.get(layout.sequenceNumberProperty(), Number.class).longValue();
                    AuditDigest.Head known = heads.get(aggregateId);
                    if (known == null || sequence > known.sequence()) {
                        heads.put(aggregateId, new AuditDigest.Head(sequence, hashOf(event, aggregateId, sequence)));
                    }
                });
        return heads;
    }

    /** Axon keeps the metadata as the serializer's JSON text, or as a document when the serializer makes those. */
    private String hashOf(Document event, String aggregateId, long sequence) {
        Object metaData = event.get(layout.metaDataProperty());
        Object hash = null;
        if (metaData instanceof Document document) {
            hash = document.get(AuditMetadata.HASH);
        } else if (metaData instanceof String text) {
            try {
                JsonNode node = json.readTree(text).get(AuditMetadata.HASH);
                hash = node == null || !node.isTextual() ? null : node.textValue();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("event " + sequence + " of " + aggregateId
                        + " has metadata that is not JSON", e);
            }
        }
        if (!(hash instanceof String text) || text.isEmpty()) {
            throw new IllegalStateException("event " + sequence + " of " + aggregateId
                    + " carries no hash: its chain cannot be stated in a digest");
        }
        return text;
    }
}
