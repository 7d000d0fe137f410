package com.acme.governance.query.ingestion;

import com.acme.governance.query.config.QueryKafkaConfiguration;
import com.acme.governance.query.config.QueryProperties;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.consistency.PositionAdvancedSignal;
import com.acme.governance.query.consistency.ProjectionPositions;
import com.acme.governance.query.dataproduct.DataProductProjection;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.RelayRecords;
import com.acme.governance.query.support.ReplayableMockConsumer;
import com.acme.governance.query.support.TestJson;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.mock.MockConsumerFactory;
import org.springframework.kafka.support.TopicPartitionOffset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The listener in the query side's real container configuration: record acks, retries that never skip. */
class GovernanceEventConsumptionTest {

    private static final TopicPartition PARTITION = new TopicPartition(RelayRecords.TOPIC, 0);
    private static final String ID = "sales.orders";

    private static InMemoryMongo mongo;
    private ReadModelDatabase database;
    private ProjectionPositions positions;
    private final Map<Long, Integer> attempts = new ConcurrentHashMap<>();
    private ConcurrentMessageListenerContainer<String, byte[]> container;
    private MockConsumer<String, byte[]> consumer;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshReadModel() {
        database = mongo.freshDatabase();
        positions = new ProjectionPositions(database, new PositionAdvancedSignal());
    }

    @AfterEach
    void stopContainer() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void aTransientFailureIsRetriedAndTheOffsetCommittedOnlyOnceApplied() {
        List<ConsumerRecord<String, byte[]>> log = log(DataProductStream.of(ID).registered().updated().published().events());
        Projection failsTwiceOnTheUpdate = event -> {
            if (event.sequence() == 1 && attempts.get(1L) <= 2) {
                throw new IllegalStateException("read model store briefly unavailable");
            }
        };

        consume(log, failsTwiceOnTheUpdate);

        await().atMost(Duration.ofSeconds(20)).until(() -> positions.current(ID) == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> committedOffset() == 3);
        assertThat(attempts).containsEntry(0L, 1).containsEntry(1L, 3).containsEntry(2L, 1);
        assertThat(product().get("version", Number.class).longValue()).isEqualTo(3);
        assertThat(product().getString("status")).isEqualTo("PUBLISHED");
    }

    @Test
    void anEventThatCannotBeAppliedIsRetriedAndNeverSkipped() {
        List<IncomingEvent> stream = DataProductStream.fullLifecycle(ID);
        // the update (sequence 1) is missing from the partition: the contract version after it is a gap
        List<ConsumerRecord<String, byte[]>> log = log(List.of(stream.get(0), stream.get(2), stream.get(3)));

        consume(log, event -> { });

        await().atMost(Duration.ofSeconds(20)).until(() -> attempts.getOrDefault(2L, 0) >= 3);
        assertThat(committedOffset()).isEqualTo(1);
        assertThat(attempts).doesNotContainKey(3L);
        assertThat(positions.current(ID)).isZero();
        assertThat(product().get("version", Number.class).longValue()).isEqualTo(1);
    }

    private void consume(List<ConsumerRecord<String, byte[]>> log, Projection extra) {
        consumer = ReplayableMockConsumer.over(PARTITION, log);
        Projection counting = event -> attempts.merge(event.sequence(), 1, Integer::sum);
        List<Projection> projections = List.of(counting, extra,
                new DataProductProjection(database, new EventPayloads(TestJson.MAPPER)));
        GovernanceEventListener listener = new GovernanceEventListener(new IncomingEventReader(TestJson.MAPPER),
                new ProjectionDispatcher(projections, positions));

        QueryKafkaConfiguration configuration = new QueryKafkaConfiguration();
        QueryProperties properties = new QueryProperties("unused", "governance-query", 1, true, Duration.ofSeconds(5));
        container = configuration.queryKafkaListenerContainerFactory(new MockConsumerFactory<>(() -> consumer),
                        configuration.queryKafkaErrorHandler(), properties)
                .createContainer(new TopicPartitionOffset(PARTITION.topic(), PARTITION.partition(), 0L));
        container.getContainerProperties().setGroupId("governance-query-test");
        container.setupMessageListener((MessageListener<String, byte[]>) listener::onRecord);
        container.start();
    }

    private long committedOffset() {
        OffsetAndMetadata committed = consumer.committed(java.util.Set.of(PARTITION)).get(PARTITION);
        return committed == null ? 0 : committed.offset();
    }

    private Document product() {
        return database.dataProducts().find(Filters.eq("_id", ID)).first();
    }

    private static List<ConsumerRecord<String, byte[]>> log(List<IncomingEvent> events) {
        List<ConsumerRecord<String, byte[]>> log = new ArrayList<>();
        for (int offset = 0; offset < events.size(); offset++) {
            log.add(RelayRecords.of(events.get(offset), offset));
        }
        return log;
    }
}
