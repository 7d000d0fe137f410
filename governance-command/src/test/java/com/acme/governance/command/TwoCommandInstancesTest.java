package com.acme.governance.command;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.RegisterDataProduct;
import com.acme.governance.api.dataproduct.UpdateDataProduct;
import com.acme.governance.command.audit.HashChainingEventStorageEngine;
import com.acme.governance.command.config.ConflictRetry;
import com.acme.governance.command.dataproduct.DataProduct;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command instances with their own aggregate caches share one event store, as in production. The instance whose
 * cached aggregate went stale loses the race on the unique index, and its command is retried on fresh state.
 */
class TwoCommandInstancesTest {

    private static final DataProductId ORDERS = DataProductId.of("sales.orders");
    private static final MetaData ALICE = TestActors.ALICE;

    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private MongoServer server;
    private MongoClient client;
    private MongoEventStorageEngine store;
    private Configuration first;
    private Configuration second;

    @BeforeEach
    void startTwoInstances() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper.copy()).build();
        store = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "events").build())
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        store.ensureIndexes();
        first = instance(serializer);
        second = instance(serializer);
    }

    @AfterEach
    void stop() {
        first.shutdown();
        second.shutdown();
        client.close();
        server.shutdownNow();
    }

    @Test
    void staleInstanceLosesTheRaceAndRetriesOnFreshState() {
        send(first, new RegisterDataProduct(ORDERS, "Orders", null, "sales", Classification.INTERNAL, List.of(),
                List.of()));
        send(first, update("cached by the first instance"));
        send(second, update("appended by the second instance"));

        Object lastSequence = send(first, update("from the first instance's stale cache"));

        assertThat(lastSequence).isEqualTo(3L);
        List<? extends DomainEventMessage<?>> events = store.readEvents(ORDERS.toString()).asStream().toList();
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);
        assertThat(events.get(3).getMetaData().get(AuditMetadata.PREVIOUS_HASH))
                .isEqualTo(events.get(2).getMetaData().get(AuditMetadata.HASH));
    }

    private Configuration instance(JacksonSerializer serializer) {
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> new HashChainingEventStorageEngine(store, objectMapper))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(DataProduct.class)
                        .configureCache(c -> new WeakReferenceCache()))
                .registerComponent(CommandGateway.class, c -> DefaultCommandGateway.builder()
                        .commandBus(c.commandBus()).retryScheduler(ConflictRetry.scheduler(3)).build())
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    private static Object send(Configuration instance, Object command) {
        return instance.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ALICE));
    }

    private static UpdateDataProduct update(String description) {
        return new UpdateDataProduct(ORDERS, null, "Orders", description, Classification.INTERNAL, List.of(), List.of());
    }
}
