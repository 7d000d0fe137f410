package com.acme.governance.query.audit.verify;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * An event as the command side stored it: one document of Axon's document-per-event layout
 * ({@code EventEntryConfiguration.getDefault()}), read, never written. The serialized payload and metadata are
 * Jackson's JSON text; they stay {@link BsonValue}s here so that a document someone altered to another BSON type is
 * still read, and then fails its hash instead of the whole verification. For the same reason {@link #of} reads
 * every field by hand rather than through the driver's record codec, which throws on a field of another type.
 *
 * @param aggregateType null for an event that belongs to no aggregate, which no chain holds
 * @param aggregateId   null only in a document someone altered: it is in no chain either, and its aggregate then
 *                      misses it
 */
public record StoredEvent(String aggregateId, String aggregateType, Long sequenceNumber, String timestamp,
                          String payloadType, String payloadRevision, BsonValue serializedPayload,
                          BsonValue serializedMetaData, String eventId) {

    static final String AGGREGATE_ID = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";

    /**
     * The stored document as the chain reads it: a field altered to another type reads as its text (a number
     * stored where a string was, say), and a sequence number that is no whole number as none, so that the altered
     * event fails its hash or its place in the chain.
     */
    static StoredEvent of(BsonDocument document) {
        return new StoredEvent(BsonText.of(document.get(AGGREGATE_ID)), BsonText.of(document.get("type")),
                wholeNumber(document.get(SEQUENCE_NUMBER)), BsonText.of(document.get("timestamp")),
                BsonText.of(document.get("payloadType")), BsonText.of(document.get("payloadRevision")),
                document.get("serializedPayload"), document.get("serializedMetaData"),
                BsonText.of(document.get("eventIdentifier")));
    }

    boolean belongsToAnAggregate() {
        return aggregateType != null && aggregateId != null;
    }

    long sequence() {
        return sequenceNumber == null ? -1 : sequenceNumber;
    }


    private static Long wholeNumber(BsonValue value) {
        if (value == null) {
            return null;
        }
        if (value.isInt64() || value.isInt32()) {
            return value.asNumber().longValue();
        }
        if (value.isDouble() && value.asDouble().getValue() == Math.rint(value.asDouble().getValue())) {
            return (long) value.asDouble().getValue();
        }
        return null;
    }
}
