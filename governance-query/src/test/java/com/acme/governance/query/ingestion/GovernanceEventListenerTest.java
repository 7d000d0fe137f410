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
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    void aPollAppliesItsAggregatesSideBySideAndEachAggregateInItsOrder() {
        // Both aggregates' first events must be in their projections at the same time, or the barrier times out.
        CyclicBarrier bothAtOnce = new CyclicBarrier(2);
        List<IncomingEvent> applied = Collections.synchronizedList(new ArrayList<>());
        Ingestion sideBySide = Ingestion.over(mongo.freshDatabase(), event -> {
            if (event.sequence() == 0) {
                await(bothAtOnce);
            }
            applied.add(event);
        });
        List<IncomingEvent> orders = DataProductStream.of("sales.orders").registered().updated().published().events();
        List<IncomingEvent> invoices = DataProductStream.of("finance.invoices").registered().updated().events();

        sideBySide.listener.onRecords(interleaved(orders, invoices));

        assertThat(applied.stream().filter(event -> event.aggregateId().equals("sales.orders")))
                .containsExactlyElementsOf(orders);
        assertThat(applied.stream().filter(event -> event.aggregateId().equals("finance.invoices")))
                .containsExactlyElementsOf(invoices);
        assertThat(sideBySide.version("sales.orders")).isEqualTo(3);
        assertThat(sideBySide.version("finance.invoices")).isEqualTo(2);
        assertThat(sideBySide.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(5);
    }

    @Test
    void aRecordThatFailsInAPollKeepsThePositionBeforeItAndIsNamedForRedelivery() {
        List<IncomingEvent> orders = DataProductStream.of("sales.orders").registered().updated().published().events();
        List<IncomingEvent> invoices = DataProductStream.of("finance.invoices").registered().updated().events();
        Ingestion failing = Ingestion.over(mongo.freshDatabase(), event -> {
            if (event.equals(orders.get(1))) {
                throw new IllegalStateException("read model store unavailable");
            }
        });

        assertThatThrownBy(() -> failing.listener.onRecords(interleaved(orders, invoices)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(2);
                    assertThat(failed.getCause()).hasMessage("read model store unavailable");
                });

        assertThat(failing.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(2);
        assertThat(failing.version("sales.orders")).isEqualTo(1); // its later events wait behind the failed one
    }

    /** The five records of {@link #interleaved}: sales.orders 0 to 2 and finance.invoices 0 and 1. */
    private static List<ConsumerRecord<String, byte[]>> ordersAndInvoices() {
        return interleaved(DataProductStream.of("sales.orders").registered().updated().published().events(),
                DataProductStream.of("finance.invoices").registered().updated().events());
    }

    @Test
    void aPollOfNewEventsIsWrittenAsOneBatchAndEveryPositionAdvances() {
        Ingestion batching = Ingestion.over(mongo.freshDatabase());

        batching.listener.onRecords(ordersAndInvoices());

        assertThat(batching.counter(ProjectionDispatcher.BATCHES_COUNTER, "outcome", "written")).isEqualTo(1);
        assertThat(batching.counter(ProjectionDispatcher.EVENTS_COUNTER, "outcome", "applied")).isEqualTo(5);
        assertThat(batching.version("sales.orders")).isEqualTo(3);
        assertThat(batching.version("finance.invoices")).isEqualTo(2);
        assertThat(batching.projectionPositions.current("sales.orders")).isEqualTo(2);
        assertThat(batching.projectionPositions.current("finance.invoices")).isEqualTo(1);
        assertThat(batching.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(5);
    }

    @Test
    void aPollRedeliveringEventsAppliedBeforeIsAppliedOneByOneAndChangesNothingTwice() {
        Ingestion batching = Ingestion.over(mongo.freshDatabase());
        batching.listener.onRecords(ordersAndInvoices().subList(0, 3));

        batching.listener.onRecords(ordersAndInvoices()); // from offset 0 again, as after a crash

        assertThat(batching.counter(ProjectionDispatcher.BATCHES_COUNTER, "outcome", "one-by-one")).isEqualTo(1);
        assertThat(batching.counter(ProjectionDispatcher.EVENTS_COUNTER, "outcome", "duplicate")).isEqualTo(3);
        assertThat(batching.version("sales.orders")).isEqualTo(3);
        assertThat(batching.version("finance.invoices")).isEqualTo(2);
        assertThat(batching.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(5);
    }

    @Test
    void aPollWithAGapIsAppliedOneByOneUpToTheGapAndNamesTheEventAfterIt() {
        Ingestion batching = Ingestion.over(mongo.freshDatabase());
        List<ConsumerRecord<String, byte[]>> withoutTheUpdate = new ArrayList<>(ordersAndInvoices());
        withoutTheUpdate.remove(2); // orders 1: offsets 0, 1, 3, 4 remain

        assertThatThrownBy(() -> batching.listener.onRecords(withoutTheUpdate))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(3);
                    assertThat(failed.getCause()).isInstanceOf(ProjectionGapException.class);
                });

        assertThat(batching.version("sales.orders")).isEqualTo(1);
        assertThat(batching.version("finance.invoices")).isEqualTo(2);
        assertThat(batching.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(4);
    }

    // Offsets 0..4: orders 0, invoices 0, orders 1, invoices 1, orders 2.
    private static List<ConsumerRecord<String, byte[]>> interleaved(List<IncomingEvent> orders,
            List<IncomingEvent> invoices) {
        return List.of(RelayRecords.of(orders.get(0), 0), RelayRecords.of(invoices.get(0), 1),
                RelayRecords.of(orders.get(1), 2), RelayRecords.of(invoices.get(1), 3),
                RelayRecords.of(orders.get(2), 4));
    }

    @Test
    void aPollOverSeveralPartitionsStoresEachPartitionsNextOffset() {
        List<IncomingEvent> orders = DataProductStream.of("sales.orders").registered().updated().events();
        List<IncomingEvent> invoices = DataProductStream.of("finance.invoices").registered().events();

        ingestion.listener.onRecords(List.of(RelayRecords.of(orders.get(0), 7), RelayRecords.of(orders.get(1), 8),
                onPartition(1, RelayRecords.of(invoices.get(0), 40))));

        assertThat(ingestion.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(9);
        assertThat(ingestion.consumerPositions.applied(Ingestion.GROUP, new TopicPartition(RelayRecords.TOPIC, 1)))
                .hasValue(41);
    }

    private static ConsumerRecord<String, byte[]> onPartition(int partition, ConsumerRecord<String, byte[]> record) {
        ConsumerRecord<String, byte[]> moved = new ConsumerRecord<>(record.topic(), partition, record.offset(),
                record.key(), record.value());
        record.headers().forEach(header -> moved.headers().add(header));
        return moved;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the other aggregate was not applied at the same time", e);
        }
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
