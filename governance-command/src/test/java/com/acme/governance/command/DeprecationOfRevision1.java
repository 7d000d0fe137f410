package com.acme.governance.command;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.EventCatalog;
import com.acme.governance.api.audit.HashChain;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.command.audit.AuditLinks;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * A deprecation stored as the code before revision 2 stored it: Axon's document of the event, with the payload JSON
 * the revision 1 record wrote ({@code {"id":..,"reason":..}}, as {@code golden/governance.dataproduct.deprecated.v1.json}
 * pins it), revision "1", sealed into the chain over that payload and the type {@code ...deprecated.v1}.
 *
 * @param document  what to insert into the event store's collection through the driver
 * @param json      the stored payload text
 * @param hash      its link in the chain
 */
public record DeprecationOfRevision1(Document document, String json, String hash) {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String TYPE = EventCatalog.typeOf(DataProductDeprecated.class, "1");

    public static DeprecationOfRevision1 of(DataProductId id, String reason, long sequence, String previousHash,
                                            MetaData actor, Serializer eventSerializer) {
        ObjectNode payload = JSON.createObjectNode().put("id", id.toString()).put("reason", reason);
        String json = payload.toString();
        String eventId = UUID.randomUUID().toString();
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String hash = HashChain.hash(previousHash, new HashChain.Link(id.toString(), sequence, TYPE, eventId, time,
                payload, (String) actor.get(AuditMetadata.PRINCIPAL), AuditLinks.strings(actor.get(AuditMetadata.TEAMS)),
                AuditLinks.strings(actor.get(AuditMetadata.ROLES)), AuditLinks.text(actor.get(AuditMetadata.CORRELATION_ID)),
                AuditLinks.text(actor.get(AuditMetadata.CAUSATION_ID)), AuditLinks.text(actor.get(AuditMetadata.ISSUER))));
        MetaData sealed = actor.mergedWith(Map.of(AuditMetadata.PREVIOUS_HASH, previousHash, AuditMetadata.HASH, hash));
        EventEntryConfiguration layout = EventEntryConfiguration.getDefault();
        // Axon's own document of the event, then the payload and revision the old record had
        Document document = new EventEntry(new GenericDomainEventMessage<>("DataProduct", id.toString(), sequence,
                new DataProductDeprecated(id, reason), sealed, eventId, time), eventSerializer).asDocument(layout);
        document.put(layout.payloadProperty(), json);
        document.put(layout.payloadRevisionProperty(), "1");
        return new DeprecationOfRevision1(document, json, hash);
    }
}
