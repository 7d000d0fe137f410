package com.acme.governance.query.ingestion;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Date;

/**
 * Read-model documents that follow one aggregate's event stream, idempotently. Each keeps {@code version}, the
 * number of events applied; an event with sequence n applies only to version n, so a redelivered event
 * (version > n) is a no-op and a missing predecessor (version < n) is a gap that must be retried.
 */
public class SequencedDocuments {

    public static final String VERSION = "version";
    public static final String UPDATED_AT = "updatedAt";

    private static final Logger log = LoggerFactory.getLogger(SequencedDocuments.class);

    private final MongoCollection<Document> collection;

    public SequencedDocuments(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** The aggregate's first event: creates the document at version 1. */
    public void create(IncomingEvent event, Document document) {
        if (event.sequence() != 0) {
            throw new IllegalStateException("the first event of an aggregate has sequence 0, got " + event.describe());
        }
        document.put("_id", event.aggregateId());
        document.put(VERSION, 1L);
        document.put(UPDATED_AT, Date.from(event.time()));
        if (!IdempotentInsert.insertIfAbsent(collection, document)) {
            log.debug("Already applied {}", event.describe());
        }
    }

    /** A later event: applies {@code change} if, and only if, the document is at version {@code event.sequence()}. */
    public void change(IncomingEvent event, Bson change) {
        long sequence = event.sequence();
        UpdateResult result = collection.updateOne(
                Filters.and(Filters.eq("_id", event.aggregateId()), Filters.eq(VERSION, sequence)),
                Updates.combine(change, Updates.set(VERSION, sequence + 1), Updates.set(UPDATED_AT, Date.from(event.time()))));
        if (result.getMatchedCount() == 1) {
            return;
        }
        long version = versionOf(event.aggregateId());
        if (version > sequence) {
            log.debug("Already applied {}", event.describe());
            return;
        }
        throw new ProjectionGapException("Gap in the stream of " + event.aggregateId() + ": the read model holds "
                + version + " events, so " + event.describe() + " cannot be applied yet");
    }

    private long versionOf(String id) {
        Document current = collection.find(Filters.eq("_id", id)).projection(Projections.include(VERSION)).first();
        return current == null ? 0 : current.get(VERSION, Number.class).longValue();
    }
}
