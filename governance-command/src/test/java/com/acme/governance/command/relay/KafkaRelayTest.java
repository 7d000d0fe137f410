package com.acme.governance.command.relay;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
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
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever order the event store shows them in, each aggregate's events reach Kafka complete and in order. */
class KafkaRelayTest {

    private static final DataProductId ORDERS = DataProductId.of("sales.orders");
    private static final MetaData ALICE = MetaData.from(Map.of(AuditMetadata.PRINCIPAL, "alice"));

    private final ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper).build();
    /** A producer that outlives the template's close after each send, so that its history can be read. */
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer()) {
                @Override
                public void close(Duration timeout) {
                    // kept open for the assertions
                }
            };
    private final List<DomainEventMessage<?>> stream = List.of(
            event(0, new DataProductRegistered(ORDERS, "Orders", null, "sales", Classification.INTERNAL, List.of(),
                    List.of())),
            event(1, new DataProductPublished(ORDERS)),
            event(2, new DataProductDeprecated(ORDERS, "old")),
            event(3, new DataProductRetired(ORDERS, "gone")));
    private MongoServer server;
    private MongoClient client;
    private RelayedSequences relayedSequences;
    private KafkaRelay relay;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(stream);
        relayedSequences = new RelayedSequences(client.getDatabase("events").getCollection("relay_positions"));
        relay = newRelay(store);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void eventAheadOfItsPredecessorsIsPrecededByThem() {
        deliver(stream.get(0));
        deliver(stream.get(2));
        deliver(stream.get(1));
        deliver(stream.get(3));

        assertThat(relayedSequences()).containsExactly("0", "1", "2", "3");
    }

    @Test
    void whatWasRelayedIsRememberedAcrossRestarts() {
        deliver(stream.get(0));
        deliver(stream.get(1));

        relayedSequences = new RelayedSequences(client.getDatabase("events").getCollection("relay_positions"));
        relay = newRelay(null);
        deliver(stream.get(1));
        deliver(stream.get(2));

        assertThat(relayedSequences()).containsExactly("0", "1", "2");
    }

    private KafkaRelay newRelay(EmbeddedEventStore store) {
        GovernanceTopic topic = new GovernanceTopic(null, new GovernanceTopicProperties(
                "governance.events", 3, (short) 1, 1_000_000, java.time.Duration.ofSeconds(10),
                java.time.Duration.ofMinutes(10), java.time.Duration.ofSeconds(15),
                java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(5))) {
            @Override
            void ensureExists() {
                // the topic of a mock producer always exists
            }
        };
        return new KafkaRelay(new KafkaTemplate<>(() -> producer), new CloudEventRecords(serializer, topic.name()),
                topic, relayedSequences, store, Duration.ofSeconds(5),
                new RelayProgress(java.time.Clock.systemUTC(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    @Test
    void sweepSendsTheLastEventsThatTrackingMissed() throws Exception {
        deliver(stream.get(0));
        deliver(stream.get(1));

        assertThat(relay.sweep(Map.of(ORDERS.toString(), 3L))).isEqualTo(2);
        assertThat(relay.sweep(Map.of(ORDERS.toString(), 3L))).as("a second sweep finds nothing left").isZero();
        deliver(stream.get(3)); // tracking seeing it late changes nothing

        assertThat(relayedSequences()).containsExactly("0", "1", "2", "3");
    }

    @Test
    void anEventWhoseRecordKafkaWouldRefuseIsRefusedBeforeItIsStored() {
        CloudEventRecords records = new CloudEventRecords(serializer, "governance.events");
        DomainEventMessage<?> small = event(0, new DataProductRegistered(ORDERS, "Orders", "x".repeat(1_000), "sales",
                Classification.INTERNAL, List.of(), List.of()));
        DomainEventMessage<?> large = event(0, new DataProductRegistered(ORDERS, "Orders", "\uD83D\uDE00".repeat(300_000),
                "sales", Classification.INTERNAL, List.of(), List.of()));
        RecordSizeLimit limit = new RecordSizeLimit(records, 1_000_000);

        limit.check(small);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> limit.check(large))
                .isInstanceOf(EventTooLargeException.class)
                .satisfies(e -> assertThat(((EventTooLargeException) e).recordBytes()).isGreaterThan(1_000_000));
        assertThat(RecordSizeLimit.sizeOf(records.toRecord(large)))
                .as("measured as the producer measures it").isGreaterThan(4 * 300_000);
    }

    private void deliver(DomainEventMessage<?> event) {
        DefaultUnitOfWork.startAndGet(event).execute(() -> {
            try {
                relay.relay(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<String> relayedSequences() {
        return producer.history().stream().map(KafkaRelayTest::sequence).toList();
    }

    private static String sequence(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_sequence").value(), StandardCharsets.UTF_8);
    }

    private static DomainEventMessage<?> event(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("DataProduct", ORDERS.toString(), sequence, payload, ALICE);
    }
}
