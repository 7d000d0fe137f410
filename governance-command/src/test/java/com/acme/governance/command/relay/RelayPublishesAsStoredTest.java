package com.acme.governance.command.relay;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.CloudEventExtensions;
import com.acme.governance.api.audit.HashChain;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.command.DeprecationOfRevision1;
import com.acme.governance.command.audit.HashChainingEventStorageEngine;
import com.acme.governance.command.config.SupersededRevisionUpcaster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deprecation stored as revision 1, between events of today's code, reaches Kafka as it was sealed: its type names
 * revision 1 and its value is the stored payload byte for byte, so every hash of the stream recomputes from the
 * records alone, whether tracking or a repair from the store brings the event (adr/0027).
 */
class RelayPublishesAsStoredTest {

    private static final DataProductId LEGACY = DataProductId.of("sales.legacy");
    private static final MetaData ALICE = MetaData.from(Map.of(AuditMetadata.PRINCIPAL, "alice",
            AuditMetadata.TEAMS, List.of("sales"), AuditMetadata.ROLES, List.of(),
            AuditMetadata.CORRELATION_ID, "c-1", AuditMetadata.CAUSATION_ID, "m-1"));

    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper.copy()).build();
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer()) {
                @Override
                public void close(Duration timeout) {
                    // kept open for the assertions
                }
            };
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate template;
    private StoredEvents storedEvents;
    private DeprecationOfRevision1 deprecation;

    @BeforeEach
    void storeAHistoryWithARevision1Event() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        template = DefaultMongoTemplate.builder().mongoDatabase(client, "events").build();
        MongoEventStorageEngine upcasting = engine(SupersededRevisionUpcaster.ofCatalog());
        upcasting.ensureIndexes();
        new HashChainingEventStorageEngine(upcasting, objectMapper).appendEvents(
                event(0, new DataProductRegistered(LEGACY, "Legacy", null, "sales", Classification.INTERNAL,
                        List.of(), List.of())),
                event(1, new DataProductPublished(LEGACY)));
        String hashOfPublished = (String) upcasting.readEvents(LEGACY.toString(), 1).next().getMetaData()
                .get(AuditMetadata.HASH);
        deprecation = DeprecationOfRevision1.of(LEGACY, "replaced by sales.orders-v2", 2, hashOfPublished, ALICE,
                serializer);
        template.eventCollection().insertOne(deprecation.document());
        // today's code continues the chain over the old event, from a cold cache
        new HashChainingEventStorageEngine(upcasting, objectMapper)
                .appendEvents(event(3, new DataProductRetired(LEGACY, "gone")));
        storedEvents = new StoredEvents(engine(NoOpEventUpcaster.INSTANCE), 1000);
    }

    @AfterEach
    void tearDown() {
        storedEvents.close();
        client.close();
        server.shutdownNow();
    }

    @Test
    void trackingPublishesTheRevision1EventAsStoredAndEveryHashVerifies() throws InterruptedException {
        KafkaRelay relay = relay();
        try (BlockingStream<TrackedEventMessage<?>> tracked = storedEvents.store().openStream(null)) {
            for (int i = 0; i < 4; i++) {
                assertThat(tracked.hasNextAvailable(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                deliver(relay, tracked.nextAvailable());
            }
        }

        assertPublishedAsStored();
    }

    @Test
    void aRepairFromTheStorePublishesItAsStoredToo() throws Exception {
        assertThat(relay().sweep(Map.of(LEGACY.toString(), 3L))).isEqualTo(4);

        assertPublishedAsStored();
    }

    @Test
    void readThroughTheUpcasterTheSameEventWouldNoLongerVerify() {
        DomainEventMessage<?> upcast = engine(SupersededRevisionUpcaster.ofCatalog())
                .readEvents(LEGACY.toString(), 2).next();

        CloudEvent record = cloudEvent(new CloudEventRecords(serializer, "governance.events").toRecord(upcast));

        assertThat(record.getType()).isEqualTo("governance.dataproduct.deprecated.v2");
        assertThat(recomputedHash(record)).as("why the relay must not read through the upcaster")
                .isNotEqualTo(deprecation.hash());
    }

    private void assertPublishedAsStored() {
        List<CloudEvent> published = producer.history().stream().map(RelayPublishesAsStoredTest::cloudEvent).toList();
        assertThat(published).extracting(e -> e.getExtension(CloudEventExtensions.SEQUENCE))
                .containsExactly("0", "1", "2", "3");
        CloudEvent old = published.get(2);
        assertThat(old.getType()).isEqualTo(DeprecationOfRevision1.TYPE);
        assertThat(new String(old.getData().toBytes(), StandardCharsets.UTF_8))
                .as("the payload bytes as stored").isEqualTo(deprecation.json());
        assertThat(old.getExtension(CloudEventExtensions.HASH)).isEqualTo(deprecation.hash());
        String previousHash = "";
        for (CloudEvent event : published) {
            assertThat(event.getExtension(CloudEventExtensions.PREVIOUS_HASH)).isEqualTo(previousHash);
            assertThat(recomputedHash(event)).as("hash of %s recomputed from its record", event.getType())
                    .isEqualTo(event.getExtension(CloudEventExtensions.HASH));
            previousHash = recomputedHash(event);
        }
    }

    private String recomputedHash(CloudEvent event) {
        try {
            JsonNode payload = objectMapper.readTree(event.getData().toBytes());
            return HashChain.hash(String.valueOf(event.getExtension(CloudEventExtensions.PREVIOUS_HASH)),
                    new HashChain.Link(event.getSubject(),
                            Long.parseLong(String.valueOf(event.getExtension(CloudEventExtensions.SEQUENCE))),
                            event.getType(), event.getId(), event.getTime().toInstant(), payload,
                            text(event, CloudEventExtensions.PRINCIPAL),
                            CloudEventExtensions.split(text(event, CloudEventExtensions.TEAMS)),
                            CloudEventExtensions.split(text(event, CloudEventExtensions.ROLES)),
                            text(event, CloudEventExtensions.CORRELATION_ID),
                            text(event, CloudEventExtensions.CAUSATION_ID),
                            CloudEventExtensions.issuer(text(event, CloudEventExtensions.ISSUER))));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(CloudEvent event, String extension) {
        Object value = event.getExtension(extension);
        return value == null ? null : value.toString();
    }

    private static CloudEvent cloudEvent(ProducerRecord<String, byte[]> record) {
        return KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
    }

    private KafkaRelay relay() {
        GovernanceTopic topic = new GovernanceTopic(null, new GovernanceTopicProperties(
                "governance.events", 3, (short) 1, 1_000_000, Duration.ofSeconds(10),
                Duration.ofMinutes(10), Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofMinutes(5))) {
            @Override
            void ensureExists() {
                // the topic of a mock producer always exists
            }
        };
        return new KafkaRelay(new KafkaTemplate<>(() -> producer), new CloudEventRecords(serializer, topic.name()),
                topic, new RelayedSequences(client.getDatabase("events").getCollection("relay_positions")),
                storedEvents.store(), Duration.ofSeconds(5), new RelayProgress(Clock.systemUTC(), new SimpleMeterRegistry()));
    }

    private MongoEventStorageEngine engine(EventUpcaster upcaster) {
        return MongoEventStorageEngine.builder().mongoTemplate(template).eventSerializer(serializer)
                .snapshotSerializer(serializer).upcasterChain(upcaster).build();
    }

    private static void deliver(KafkaRelay relay, TrackedEventMessage<?> event) {
        DefaultUnitOfWork.startAndGet(event).execute(() -> {
            try {
                relay.relay(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static DomainEventMessage<?> event(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("DataProduct", LEGACY.toString(), sequence, payload, ALICE);
    }
}
