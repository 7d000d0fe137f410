package com.acme.governance.query.audit.verify;

import com.acme.governance.api.audit.ChainVerifier;
import com.acme.governance.api.audit.HashChain;
import com.acme.governance.api.audit.SealedEvent;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.query.support.TestJson;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored document, in Axon's layout, read as the chain sealed it: as stored, never through Axon. */
class SealedEventsTest {

    private static final SealedEvents SEALED = new SealedEvents(TestJson.MAPPER);

    @Test
    void everyHashedFieldAndBothHashesComeFromTheStoredDocument() {
        SealedEvent sealed = StoredHistory.chain("sales.orders", 2).get(1);

        SealedEvent read = SEALED.of(asRead(StoredHistory.stored(sealed)));

        assertThat(read).isEqualTo(sealed);
        assertThat(HashChain.hash(read.previousHash(), read.link())).isEqualTo(read.hash());
    }

    @Test
    void theTypeIsTheOneStoredWithTheEventNotTheClassesRevisionToday() {
        assertThat(StoredEventType.of(DataProductUpdated.class.getName(), "1"))
                .isEqualTo("governance.dataproduct.updated.v1");
        assertThat(StoredEventType.of(DataProductUpdated.class.getName(), "2"))
                .isEqualTo("governance.dataproduct.updated.v2");
        assertThat(StoredEventType.of("com.example.Unknown", "1")).isEqualTo("com.example.Unknown.v1");
    }

    @Test
    void aPayloadAlteredIntoSomethingElseIsStillReadAndFailsItsHash() {
        SealedEvent sealed = StoredHistory.chain("sales.orders", 1).get(0);
        StoredEvent stored = asRead(StoredHistory.stored(sealed));

        for (BsonValue altered : List.of(new BsonString("{not json"), BsonNull.VALUE,
                BsonDocument.parse("{\"id\": \"sales.orders\"}"), new BsonString(""))) {
            SealedEvent read = SEALED.of(new StoredEvent(stored.aggregateId(), stored.aggregateType(),
                    stored.sequenceNumber(), stored.timestamp(), stored.payloadType(), stored.payloadRevision(),
                    altered, stored.serializedMetaData(), stored.eventId()));
            ChainVerifier verifier = ChainVerifier.withoutDigest();
            verifier.accept(read);
            assertThat(verifier.report().firstBroken().reason().code()).as(altered.toString())
                    .isEqualTo("hash-mismatch");
        }
    }

    @Test
    void anIssuerRemovedOrAlteredInTheStoreFailsTheHash() {
        SealedEvent sealed = StoredHistory.chain("sales.orders", 2).get(1);
        Document stored = StoredHistory.stored(sealed);
        String metaData = stored.getString("serializedMetaData");
        assertThat(metaData).contains(StoredHistory.ISSUER);

        for (String altered : List.of(metaData.replace(StoredHistory.ISSUER, "https://login.evil.example"),
                metaData.replace("\"issuer\":\"" + StoredHistory.ISSUER + "\",", ""))) {
            SealedEvent read = SEALED.of(asRead(new Document(stored).append("serializedMetaData", altered)));
            assertThat(HashChain.hash(read.previousHash(), read.link())).as(altered).isNotEqualTo(read.hash());
        }
    }

    @Test
    void metadataAndTimeThatCannotBeReadLeaveTheFieldsEmpty() {
        SealedEvent read = SEALED.of(new StoredEvent("sales.orders", "DataProduct", 0L, "yesterday",
                DataProductUpdated.class.getName(), "1", new BsonString("{}"), new BsonString("[not json"), "e"));

        assertThat(read).isEqualTo(new SealedEvent(new HashChain.Link("sales.orders", 0,
                "governance.dataproduct.updated.v1", "e", Instant.EPOCH, JsonNodeFactory.instance.objectNode(),
                null, List.of(), List.of(), null, null), "", null));
    }

    /** The document as {@link StoredEvent} holds it (the driver's record codec is {@link StoreVerifierTest}'s). */
    private static StoredEvent asRead(Document document) {
        BsonDocument bson = document.toBsonDocument();
        return new StoredEvent(document.getString("aggregateIdentifier"), document.getString("type"),
                document.getLong("sequenceNumber"), document.getString("timestamp"),
                document.getString("payloadType"), document.getString("payloadRevision"),
                bson.get("serializedPayload"), bson.get("serializedMetaData"), document.getString("eventIdentifier"));
    }
}
