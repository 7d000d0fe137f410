package com.acme.governance.query.ingestion;

import com.acme.governance.query.config.QueryProperties;
import com.acme.governance.query.health.ProjectionsHealthIndicator;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.Ingestion;
import com.acme.governance.query.support.RelayRecords;
import com.acme.governance.query.support.ReplayableMockConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.mock.MockConsumerFactory;
import org.springframework.kafka.support.TopicPartitionOffset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The listener in the query side's real container configuration: record acks, retries that never skip. */
class GovernanceEventConsumptionTest {

    private static final TopicPartition PARTITION = new TopicPartition(RelayRecords.TOPIC, 0);
    private static final String ID = "sales.orders";

    private static InMemoryMongo mongo;
    private final Map<Long, Integer> attempts = new ConcurrentHashMap<>();
    private final Projection counting = event -> attempts.merge(event.sequence(), 1, Integer::sum);
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

    @AfterEach
    void stopContainer() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void aTransientFailureIsRetriedAndThePositionsStoredOnlyOnceApplied() {
        List<ConsumerRecord<String, byte[]>> log = log(DataProductStream.of(ID).registered().updated().published().events());
        Projection failsTwiceOnTheUpdate = event -> {
            if (event.sequence() == 1 && attempts.get(1L) <= 2) {
                throw new IllegalStateException("read model store briefly unavailable");
            }
        };
        Ingestion ingestion = Ingestion.over(mongo.freshDatabase(), counting, failsTwiceOnTheUpdate);

        consume(ingestion, log, null);

        await().atMost(Duration.ofSeconds(20)).until(() -> ingestion.projectionPositions.current(ID) == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> committedOffset() == 3);
        assertThat(ingestion.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(3);
        assertThat(attempts).containsEntry(0L, 1).containsEntry(1L, 3).containsEntry(2L, 1);
        assertThat(ingestion.version(ID)).isEqualTo(3);
        assertThat(ingestion.product(ID).getString("status")).isEqualTo("PUBLISHED");
        assertThat(ingestion.counter(ProjectionStallMonitor.RETRIES_COUNTER)).isEqualTo(2);
    }

    @Test
    void consumptionResumesFromThePositionStoredWithTheReadModelsNotFromKafkasCommittedOffset() {
        List<IncomingEvent> stream = DataProductStream.fullLifecycle(ID);
        Ingestion ingestion = Ingestion.over(mongo.freshDatabase(), counting);
        // The store lost its last writes in a crash: it kept the first two events and their position, while
        // Kafka had already been told that everything up to offset 5 was done.
        ingestion.listener.onRecord(RelayRecords.of(stream.get(0), 0));
        ingestion.listener.onRecord(RelayRecords.of(stream.get(1), 1));
        attempts.clear();

        consume(ingestion, log(stream), 5L);

        await().atMost(Duration.ofSeconds(20)).until(() -> ingestion.version(ID) == stream.size());
        assertThat(attempts).containsOnlyKeys(2L, 3L, 4L, 5L);
        assertThat(ingestion.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(stream.size());
    }

    @Test
    void aPartitionWithoutAStoredPositionIsConsumedFromItsBeginningWhateverKafkaCommitted() {
        List<IncomingEvent> stream = DataProductStream.fullLifecycle(ID);
        Ingestion ingestion = Ingestion.over(mongo.freshDatabase(), counting);

        consume(ingestion, log(stream), 4L);

        await().atMost(Duration.ofSeconds(20)).until(() -> ingestion.version(ID) == stream.size());
        assertThat(attempts).containsOnlyKeys(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aGapThatKafkaDoesNotHealStallsThePartitionVisiblyAndRecoversOnceTheEventApplies() {
        List<IncomingEvent> stream = DataProductStream.fullLifecycle(ID);
        // the update (sequence 1) is missing from the partition: the contract version after it is a gap
        List<ConsumerRecord<String, byte[]>> log = log(List.of(stream.get(0), stream.get(2), stream.get(3)));
        Ingestion ingestion = Ingestion.over(mongo.freshDatabase(), Duration.ofMillis(300), counting);
        ProjectionsHealthIndicator health = new ProjectionsHealthIndicator(ingestion.stalls);

        consume(ingestion, log, null);

        await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().equals(Status.DOWN));
        Health down = health.health();
        assertThat(down.getDetails().get("stalled")).asList().singleElement().asString()
                .contains("partition=governance.events-0", "offset=1", "aggregateId=" + ID, "Gap in the stream");
        assertThat(ingestion.gauge(ProjectionStallMonitor.STALLED_GAUGE)).isEqualTo(1);
        assertThat(ingestion.counter(ProjectionStallMonitor.RETRIES_COUNTER)).isPositive();
        assertThat(committedOffset()).isEqualTo(1);
        assertThat(ingestion.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(1);
        assertThat(attempts).doesNotContainKey(3L);
        assertThat(ingestion.version(ID)).isEqualTo(1);

        // The missing event reaches the read model another way (e.g. it was re-published on another partition).
        ingestion.dispatcher.dispatch(stream.get(1));

        await().atMost(Duration.ofSeconds(60)).until(() -> ingestion.version(ID) == 4);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(ingestion.gauge(ProjectionStallMonitor.STALLED_GAUGE)).isZero();
    }

    /** @param committed Kafka's committed offset of the group before the container starts, or null */
    private void consume(Ingestion ingestion, List<ConsumerRecord<String, byte[]>> log, Long committed) {
        consumer = ReplayableMockConsumer.over(PARTITION, log);
        if (committed != null) {
            consumer.commitSync(Map.of(PARTITION, new OffsetAndMetadata(committed)));
        }
        QueryKafkaConfiguration configuration = new QueryKafkaConfiguration();
        QueryProperties properties = new QueryProperties("unused", Ingestion.GROUP, 1, true, Duration.ofSeconds(5));
        container = configuration.queryKafkaListenerContainerFactory(new MockConsumerFactory<>(() -> consumer),
                        configuration.queryKafkaErrorHandler(ingestion.stalls), properties)
                .createContainer(new TopicPartitionOffset(PARTITION.topic(), PARTITION.partition()));
        container.getContainerProperties().setGroupId(Ingestion.GROUP);
        container.setupMessageListener(new SeekAwareListener(ingestion.listener));
        container.start();
    }

    private long committedOffset() {
        OffsetAndMetadata committed = consumer.committed(Set.of(PARTITION)).get(PARTITION);
        return committed == null ? 0 : committed.offset();
    }

    static List<ConsumerRecord<String, byte[]>> log(List<IncomingEvent> events) {
        List<ConsumerRecord<String, byte[]>> log = new ArrayList<>();
        for (int offset = 0; offset < events.size(); offset++) {
            log.add(RelayRecords.of(events.get(offset), offset));
        }
        return log;
    }

    /** What {@code @KafkaListener} makes of the listener bean: its record method plus its seek callbacks. */
    record SeekAwareListener(GovernanceEventListener listener) implements MessageListener<String, byte[]>, ConsumerSeekAware {

        @Override
        public void onMessage(ConsumerRecord<String, byte[]> record) {
            listener.onRecord(record);
        }

        @Override
        public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
            listener.onPartitionsAssigned(assignments, callback);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            listener.onPartitionsRevoked(partitions);
        }
    }
}
