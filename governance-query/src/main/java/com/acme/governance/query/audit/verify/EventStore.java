package com.acme.governance.query.audit.verify;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoIterable;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.conversions.Bson;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The command side's event store, read by the query side to verify it (adr/0024): only finds, never a write. Holds
 * the connection it was given; when that is a client of its own, closing this closes it.
 */
public class EventStore implements AutoCloseable {

    /** Axon's document-per-event collection ({@code MongoEventStorageEngine}'s default). */
    public static final String EVENTS = "domainevents";
    /** The signed digests the command side records, one document each. */
    public static final String DIGESTS = "audit_digests";
    /** Where a digest too large for its document keeps its JSON, under the digest's id (adr/0025). */
    public static final String DIGEST_JSON_BUCKET = "audit_digest_json";

    private static final Bson STORE_ORDER = Sorts.ascending(StoredEvent.AGGREGATE_ID, StoredEvent.SEQUENCE_NUMBER);

    private final MongoCollection<BsonDocument> events;
    private final MongoCollection<BsonDocument> digests;
    private final GridFSBucket digestFiles;
    private final MongoClient ownClient;

    /** @param ownClient the client to close with this store, or null when {@code database}'s client is shared */
    EventStore(MongoDatabase database, MongoClient ownClient) {
        this.events = database.getCollection(EVENTS, BsonDocument.class);
        this.digests = database.getCollection(DIGESTS, BsonDocument.class);
        this.digestFiles = GridFSBuckets.create(database, DIGEST_JSON_BUCKET);
        this.ownClient = ownClient;
    }

    /**
     * Every stored event, of one aggregate or all, by aggregate id then sequence number: the order of the unique
     * index that the command side's appends rely on, so MongoDB walks that index instead of sorting. The caller reads
     * at its own pace and closes the cursor.
     *
     * @param aggregateId null for every aggregate
     */
    MongoCursor<StoredEvent> inStoreOrder(String aggregateId, int batchSize) {
        Bson filter = aggregateId == null ? Filters.empty() : Filters.eq(StoredEvent.AGGREGATE_ID, aggregateId);
        MongoIterable<StoredEvent> stored = events.find(filter).sort(STORE_ORDER).batchSize(batchSize)
                .map(StoredEvent::of);
        return stored.cursor();
    }

    /** Whether the store holds this event now; for an event that was appended while a verification read past it. */
    boolean holds(String aggregateId, long sequenceNumber) {
        return events.find(Filters.and(Filters.eq(StoredEvent.AGGREGATE_ID, aggregateId),
                Filters.eq(StoredEvent.SEQUENCE_NUMBER, sequenceNumber))).first() != null;
    }

    /** The digest issued last, if any. */
    Optional<StoredDigest> latestDigest() {
        return Optional.ofNullable(digests.find().sort(Sorts.descending(StoredDigest.ISSUED_AT)).limit(1).first())
                .map(document -> StoredDigest.of(document, this::digestFile));
    }

    /** The JSON of a digest kept in GridFS; null when no such file is there (the record then fails to verify). */
    private String digestFile(String id) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            digestFiles.downloadToStream(new BsonString(id), json);
        } catch (MongoGridFSException missing) {
            return null;
        }
        return json.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (ownClient != null) {
            ownClient.close();
        }
    }
}
