package com.acme.governance.query.ingestion;

import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.Ingestion;
import com.acme.governance.query.support.RelayRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ConsumerSeekAware;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GovernanceEventListenerTest {

    private static final TopicPartition PARTITION = new TopicPartition(RelayRecords.TOPIC, 0);

    private static InMemoryMongo mongo;
    private final List<IncomingEvent> projected = new ArrayList<>();
    private Ingestion ingestion;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void wire() {
        ingestion = Ingestion.over(mongo.freshDatabase(), projected::add);
    }

    @Test
    void aRelayedEventIsProjectedThenItsAggregateAndPartitionPositionsAdvance() {
        IncomingEvent registered = DataProductStream.of("sales.orders").registered().last();

        ingestion.listener.onRecord(RelayRecords.of(registered, 0));

        assertThat(projected).containsExactly(registered);
        assertThat(ingestion.projectionPositions.current("sales.orders")).isZero();
        assertThat(ingestion.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(1);
    }

    @Test
    void thePartitionPositionIsNotStoredWhenTheReadModelsFailed() {
        Ingestion failing = Ingestion.over(mongo.freshDatabase(), event -> {
            throw new IllegalStateException("read model store unavailable");
        });

        assertThatThrownBy(() -> failing.listener.onRecord(
                RelayRecords.of(DataProductStream.of("sales.orders").registered().last(), 0)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(failing.consumerPositions.applied(Ingestion.GROUP, PARTITION)).isEmpty();
    }

    @Test
    void aPublishedEventWithABrokenEnvelopeIsParkedNotProjected() {
        ConsumerRecord<String, byte[]> record = RelayRecords.of(DataProductStream.of("sales.orders").registered().last(), 0);
        record.headers().remove("ce_sequence");

        ingestion.listener.onRecord(record);

        assertThat(projected).isEmpty();
        assertThat(ingestion.deadLetters.published()).singleElement()
                .satisfies(parked -> {
                    assertThat(parked.category()).isEqualTo(ParkCategory.UNDECODABLE);
                    assertThat(parked.reason()).contains("missing extension 'sequence'");
                });
        assertThat(ingestion.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(1);
    }

    @Test
    void aRecordThatIsNoGovernanceEventIsParkedUnderItsKey() {
        ConsumerRecord<String, byte[]> foreign = new ConsumerRecord<>(RelayRecords.TOPIC, 0, 3, "key",
                "hello".getBytes(StandardCharsets.UTF_8));

        ingestion.listener.onRecord(foreign);

        assertThat(projected).isEmpty();
        assertThat(ingestion.parked.firstOf("key")).hasValue("governance.events-0@3");
    }

    @Test
    void anUnknownTypeIsParkedAsSuch() {
        ConsumerRecord<String, byte[]> record = RelayRecords.of(
                DataProductStream.of("sales.orders").registered().unknown("governance.future.v9").last(), 1);

        ingestion.listener.onRecord(record);

        assertThat(projected).isEmpty();
        assertThat(ingestion.deadLetters.published()).singleElement()
                .satisfies(parked -> assertThat(parked.category()).isEqualTo(ParkCategory.UNKNOWN_TYPE));
    }

    @Test
    void onAssignmentEachPartitionSeeksToItsStoredPositionOrToItsBeginning() {
        TopicPartition stored = new TopicPartition(RelayRecords.TOPIC, 1);
        TopicPartition fresh = new TopicPartition(RelayRecords.TOPIC, 2);
        ingestion.consumerPositions.advance(Ingestion.GROUP, stored, 42);
        List<String> seeks = new ArrayList<>();

        // Kafka's committed offsets (the map's values) are ahead: they must not matter.
        ingestion.listener.onPartitionsAssigned(Map.of(stored, 50L, fresh, 7L), recording(seeks));

        assertThat(seeks).containsExactlyInAnyOrder("governance.events-1 -> 42", "governance.events-2 -> beginning");
    }

    @Test
    void aStoredPositionNeverMovesBack() {
        ingestion.consumerPositions.advance(Ingestion.GROUP, PARTITION, 10);
        ingestion.consumerPositions.advance(Ingestion.GROUP, PARTITION, 4); // a former owner finishing late

        assertThat(ingestion.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(10);
        assertThat(ingestion.consumerPositions.applied("another-group", PARTITION)).isEmpty();
    }

    /** Records seek(topic, partition, offset) and seekToBeginning(topic, partition); nothing else is expected. */
    static ConsumerSeekAware.ConsumerSeekCallback recording(List<String> seeks) {
        return (ConsumerSeekAware.ConsumerSeekCallback) Proxy.newProxyInstance(
                ConsumerSeekAware.ConsumerSeekCallback.class.getClassLoader(),
                new Class<?>[]{ConsumerSeekAware.ConsumerSeekCallback.class}, (proxy, method, args) -> {
                    String where = args[0] + "-" + args[1];
                    switch (method.getName()) {
                        case "seek" -> seeks.add(where + " -> " + args[2]);
                        case "seekToBeginning" -> seeks.add(where + " -> beginning");
                        default -> throw new UnsupportedOperationException(method.toString());
                    }
                    return null;
                });
    }
}
