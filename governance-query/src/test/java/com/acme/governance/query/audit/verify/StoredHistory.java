package com.acme.governance.query.audit.verify;

import com.acme.governance.api.audit.HashChain;
import com.acme.governance.api.audit.PemKeys;
import com.acme.governance.api.audit.SealedEvent;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.query.audit.AuditEventDocument;
import com.acme.governance.query.support.TestJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.bson.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sealed chains of data product updates, as the command side stores them (Axon's document-per-event layout, payload
 * and metadata as Jackson's JSON text) and as the audit trail copies them.
 */
final class StoredHistory {

    static final Instant START = Instant.parse("2026-03-01T10:00:00.123Z");
    static final String AGGREGATE_TYPE = "DataProduct";
    /** Every event but an aggregate's first records it: a history begun before issuers were kept (adr/0032). */
    static final String ISSUER = "https://idp.example.com/realms/mesh";

    private StoredHistory() {
    }

    static List<SealedEvent> chain(String aggregateId, int events) {
        List<SealedEvent> chain = new ArrayList<>();
        String previousHash = "";
        for (int sequence = 0; sequence < events; sequence++) {
            HashChain.Link link = new HashChain.Link(aggregateId, sequence, "governance.dataproduct.updated.v1",
                    aggregateId + "-event-" + sequence, START.plusSeconds(sequence),
                    JsonNodeFactory.instance.objectNode().put("id", aggregateId).put("title", "Title " + sequence),
                    "alice", List.of("sales"), List.of(), "correlation-" + sequence, "command-" + sequence,
                    sequence == 0 ? null : ISSUER);
            String hash = HashChain.hash(previousHash, link);
            chain.add(new SealedEvent(link, previousHash, hash));
            previousHash = hash;
        }
        return chain;
    }

    /** The document {@code MongoEventStorageEngine} writes for the event, in Axon's default field names. */
    static Document stored(SealedEvent event) {
        HashChain.Link link = event.link();
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put("principal", link.principal());
        if (link.issuer() != null) {
            metaData.put("issuer", link.issuer());
        }
        metaData.put("teams", link.teams());
        metaData.put("roles", link.roles());
        metaData.put("correlationId", link.correlationId());
        metaData.put("causationId", link.causationId());
        metaData.put("previousHash", event.previousHash());
        metaData.put("hash", event.hash());
        return new Document("aggregateIdentifier", link.aggregateId())
                .append("type", AGGREGATE_TYPE)
                .append("sequenceNumber", link.sequenceNumber())
                .append("timestamp", link.timestamp().toString())
                .append("serializedPayload", link.payload().toString())
                .append("payloadType", DataProductUpdated.class.getName())
                .append("payloadRevision", "1")
                .append("serializedMetaData", json(metaData))
                .append("eventIdentifier", link.eventId());
    }

    /** The audit trail's copy of the event, as the projection stores it from Kafka. */
    static AuditEventDocument copied(SealedEvent event) {
        HashChain.Link link = event.link();
        return new AuditEventDocument(link.eventId(), link.type(), link.aggregateId(), AGGREGATE_TYPE,
                link.sequenceNumber(), link.timestamp(), link.principal(), link.issuer(), link.teams(),
                link.roles(),
                link.correlationId(), link.causationId(), event.hash(), event.previousHash(), link.payload(),
                link.timestamp());
    }

    /** A PEM file of the key's public half, as {@code governance.audit.public-key} names one; gone when the JVM ends. */
    static Path publicKeyFile(KeyPair keys) {
        try {
            Path file = Files.createTempFile("audit-public-key", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, PemKeys.pem(keys.getPublic()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object value) {
        try {
            return TestJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
