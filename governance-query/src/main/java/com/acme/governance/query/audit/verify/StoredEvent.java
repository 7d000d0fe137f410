package com.acme.governance.query.audit.verify;

import org.bson.BsonValue;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * An event as the command side stored it: one document of Axon's document-per-event layout
 * ({@code EventEntryConfiguration.getDefault()}), read, never written. The serialized payload and metadata are
 * Jackson's JSON text; they stay {@link BsonValue}s here so that a document someone altered to another BSON type is
 * still read, and then fails its hash instead of the whole verification.
 *
 * @param aggregateType null for an event that belongs to no aggregate, which no chain holds
 * @param aggregateId   null only in a document someone altered: it is in no chain either, and its aggregate then
 *                      misses it
 */
public record StoredEvent(@BsonProperty("aggregateIdentifier") String aggregateId,
                          @BsonProperty("type") String aggregateType,
                          @BsonProperty("sequenceNumber") Long sequenceNumber,
                          @BsonProperty("timestamp") String timestamp,
                          @BsonProperty("payloadType") String payloadType,
                          @BsonProperty("payloadRevision") String payloadRevision,
                          @BsonProperty("serializedPayload") BsonValue serializedPayload,
                          @BsonProperty("serializedMetaData") BsonValue serializedMetaData,
                          @BsonProperty("eventIdentifier") String eventId) {

    static final String AGGREGATE_ID = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";

    boolean belongsToAnAggregate() {
        return aggregateType != null && aggregateId != null;
    }

    long sequence() {
        return sequenceNumber == null ? -1 : sequenceNumber;
    }
}
