package com.acme.governance.command.audit;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.HashChain;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hash chain is sealed on append, survives a cold cache and a competing append cannot fork it. */
class HashChainingEventStorageEngineTest {

    private static final DataProductId ORDERS = DataProductId.of("sales.orders");
    private static final MetaData ALICE = MetaData.from(Map.of(AuditMetadata.PRINCIPAL, "alice",
            AuditMetadata.TEAMS, List.of("sales"), AuditMetadata.ROLES, List.of(),
            AuditMetadata.CORRELATION_ID, "c-1", AuditMetadata.CAUSATION_ID, "m-1"));

    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private MongoServer server;
    private MongoClient client;
    private MongoEventStorageEngine mongo;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper.copy()).build();
        mongo = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "events").build())
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        mongo.ensureIndexes();
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void eachEventIsChainedToItsPredecessorEvenAfterARestart() {
        new HashChainingEventStorageEngine(mongo, objectMapper).appendEvents(event(0, registered()), event(1, new DataProductPublished(ORDERS)));
        // a fresh instance has an empty cache, as after a restart or on another node
        new HashChainingEventStorageEngine(mongo, objectMapper).appendEvents(event(2, new DataProductRetired(ORDERS, "gone")));

        List<? extends DomainEventMessage<?>> stored = mongo.readEvents(ORDERS.toString()).asStream().toList();
        assertThat(stored).hasSize(3);
        String previous = "";
        for (DomainEventMessage<?> event : stored) {
            assertThat(event.getMetaData().get(AuditMetadata.PREVIOUS_HASH)).isEqualTo(previous);
            String recomputed = HashChain.hash(previous, AuditLinks.of(event, objectMapper));
            assertThat(event.getMetaData().get(AuditMetadata.HASH)).isEqualTo(recomputed);
            previous = recomputed;
        }
        assertThat(stored.get(0).getMetaData()).containsEntry(AuditMetadata.PRINCIPAL, "alice");
    }

    @Test
    void hashCoversWhoDecided() {
        HashChainingEventStorageEngine engine = new HashChainingEventStorageEngine(mongo, objectMapper);
        engine.appendEvents(event(0, registered()));
        DomainEventMessage<?> stored = mongo.readEvents(ORDERS.toString()).next();

        DomainEventMessage<?> rewritten = stored.andMetaData(Map.of(AuditMetadata.PRINCIPAL, "mallory"));
        assertThat(HashChain.hash("", AuditLinks.of(rewritten, objectMapper)))
                .isNotEqualTo(stored.getMetaData().get(AuditMetadata.HASH));
    }

    @Test
    void competingAppendAtTheSameSequenceIsRejected() {
        HashChainingEventStorageEngine engine = new HashChainingEventStorageEngine(mongo, objectMapper);
        engine.appendEvents(event(0, registered()), event(1, new DataProductPublished(ORDERS)));

        assertThatThrownBy(() -> new HashChainingEventStorageEngine(mongo, objectMapper)
                .appendEvents(event(1, new DataProductRetired(ORDERS, "race"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(mongo.readEvents(ORDERS.toString()).asStream().count()).isEqualTo(2);
    }

    private static DataProductRegistered registered() {
        return new DataProductRegistered(ORDERS, "Orders", null, "sales", Classification.INTERNAL, List.of(), List.of());
    }

    private static DomainEventMessage<?> event(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("DataProduct", ORDERS.toString(), sequence, payload, ALICE);
    }
}
