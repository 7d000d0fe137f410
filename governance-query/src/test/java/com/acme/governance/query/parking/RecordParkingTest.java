package com.acme.governance.query.parking;

import com.acme.governance.query.health.ParkedEventsHealthIndicator;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.ParkCategory;
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
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Parking, hold-back and retry, one partition: X's stream has a record that is not an event in the middle, Y's
 * stream is intact, both interleaved as on the topic.
 */
class RecordParkingTest {

    private static final TopicPartition PARTITION = new TopicPartition(RelayRecords.TOPIC, 0);
    private static final String X = "sales.orders";
    private static final String Y = "marketing.campaigns";

    private static InMemoryMongo mongo;
    private Ingestion ingestion;
    private final List<IncomingEvent> x = DataProductStream.fullLifecycle(X);
    private final List<IncomingEvent> y = DataProductStream.fullLifecycle(Y);
    private long offset;

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
        ingestion = Ingestion.over(mongo.freshDatabase());
        offset = 0;
    }

    @Test
    void junkIsParkedAndOnlyItsAggregatesLaterEventsAreHeldBack() {
        deliver(x.get(0));
        deliver(y.get(0));
        deliverJunk(X); // offset 2
        deliver(x.get(1));
        deliver(y.get(1));
        deliver(x.get(2));
        deliver(y.get(2));

        assertThat(ingestion.version(Y)).isEqualTo(3);
        assertThat(ingestion.version(X)).isEqualTo(1);
        assertThat(ingestion.deadLetters.published()).extracting(p -> p.record().offset() + " " + p.category().code()
                        + " " + p.heldBehind())
                .containsExactly("2 undecodable null", "3 held-behind-parked governance.events-0@2",
                        "5 held-behind-parked governance.events-0@2");
        assertThat(ingestion.deadLetters.published().get(0).reason()).contains("is not a CloudEvent");
        assertThat(ingestion.parked.ofAggregate(X)).extracting(d -> d.getString("_id"))
                .containsExactly("governance.events-0@2", "governance.events-0@3", "governance.events-0@5");
        assertThat(ingestion.consumerPositions.applied(Ingestion.GROUP, PARTITION)).hasValue(7);
        assertThat(ingestion.parking.parkedCount()).isEqualTo(3);
        assertThat(ingestion.gauge(RecordParking.PARKED_GAUGE)).isEqualTo(3);
        assertThat(ingestion.counter(RecordParking.PARKED_COUNTER, "category", "held-behind-parked")).isEqualTo(2);

        Health health = new ParkedEventsHealthIndicator(new ParkedEventsQuery(ingestion.parked)).health();
        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails()).containsEntry("parked", 3L).containsEntry("aggregates", List.of(X));
        assertThat(new ParkedEventsQuery(ingestion.parked).page(0, 2)).extracting(ParkedEventView::id)
                .containsExactly("governance.events-0@2", "governance.events-0@3");
    }

    @Test
    void aRedeliveredParkedRecordIsNeitherPublishedNorStoredTwice() {
        deliver(x.get(0));
        ConsumerRecord<String, byte[]> junk = junk(X, offset++);
        ingestion.listener.onRecord(junk);
        ConsumerRecord<String, byte[]> held = RelayRecords.of(x.get(1), offset++);
        ingestion.listener.onRecord(held);

        // a crash before the positions were stored, then a restart: another instance, the same records again
        Ingestion restarted = ingestion.instance();
        restarted.parking.assigned(List.of(PARTITION));
        restarted.listener.onRecord(junk);
        restarted.listener.onRecord(held);

        assertThat(ingestion.deadLetters.published()).hasSize(2);
        assertThat(ingestion.parked.count()).isEqualTo(2);
    }

    @Test
    void anAggregateHeldBeforeARestartStaysHeldAfterIt() {
        deliver(x.get(0));
        deliverJunk(X);

        Ingestion restarted = ingestion.instance();
        restarted.parking.assigned(List.of(PARTITION));
        restarted.listener.onRecord(RelayRecords.of(x.get(1), offset++));

        assertThat(restarted.version(X)).isEqualTo(1);
        assertThat(restarted.parked.ofAggregate(X)).hasSize(2);
    }

    @Test
    void aRetryKeepsWhatStillFailsWithItsNewReasonAndHoldsTheRestBehindIt() {
        deliver(x.get(0));
        deliverJunk(X);
        deliver(x.get(1));

        RecordParking.RetryOutcome outcome = ingestion.parking.retry(null);

        assertThat(outcome.applied()).isZero();
        assertThat(outcome.stillParked()).isEqualTo(2);
        assertThat(ingestion.version(X)).isEqualTo(1);
        ParkedEventView junk = ParkedEventView.of(ingestion.parked.find("governance.events-0@1").orElseThrow());
        assertThat(junk.attempts()).isEqualTo(2);
        assertThat(junk.category()).isEqualTo("undecodable");
        assertThat(junk.value()).isEqualTo("bm90IGFuIGV2ZW50"); // "not an event"
    }

    @Test
    void onceTheJunkIsDiscardedARetryAppliesTheHeldEventsInOrderAndReleasesTheAggregate() {
        deliver(x.get(0));
        deliverJunk(X);
        deliver(x.get(1));
        deliver(x.get(2));

        ingestion.parking.discard("governance.events-0@1", "admin");
        RecordParking.RetryOutcome outcome = ingestion.parking.retry(X);

        assertThat(outcome.applied()).isEqualTo(2);
        assertThat(outcome.stillParked()).isZero();
        assertThat(outcome.released()).containsExactly(X);
        assertThat(ingestion.version(X)).isEqualTo(3);
        assertThat(ingestion.parked.count()).isZero();
        deliver(x.get(3)); // no longer held
        assertThat(ingestion.version(X)).isEqualTo(4);
        assertThat(ingestion.parking.parkedCount()).isZero();
    }

    @Test
    void anAggregateReleasedThroughAnotherInstanceAppliesAgainOnTheInstanceOwningItsPartition() {
        deliver(x.get(0));
        deliverJunk(X);
        deliver(x.get(1));
        Ingestion other = ingestion.instance();

        other.parking.discard("governance.events-0@1", "admin");
        other.parking.retry(null);
        deliver(x.get(2));

        assertThat(ingestion.version(X)).isEqualTo(3);
        assertThat(ingestion.parked.count()).isZero();
    }

    @Test
    void aRetryNeverAppliesAnEventOutOfOrder() {
        deliver(x.get(0));
        deliverJunk(X);
        deliver(x.get(2)); // x.get(1) never reached the topic: a real gap behind the junk

        ingestion.parking.discard("governance.events-0@1", "admin");
        RecordParking.RetryOutcome outcome = ingestion.parking.retry(X);

        assertThat(outcome.applied()).isZero();
        assertThat(ingestion.version(X)).isEqualTo(1);
        ParkedEventView stillParked = ParkedEventView.of(ingestion.parked.find("governance.events-0@2").orElseThrow());
        assertThat(stillParked.reason()).contains("Gap in the stream of " + X);
    }

    @Test
    void anEventIsNeverDiscarded() {
        deliver(x.get(0));
        deliver(DataProductStream.of(X).registered().unknown("governance.dataproduct.renamed.v1").last());
        deliver(x.get(1));

        assertThat(ingestion.parked.find("governance.events-0@1").orElseThrow().getString("category"))
                .isEqualTo(ParkCategory.UNKNOWN_TYPE.code());
        assertThatThrownBy(() -> ingestion.parking.discard("governance.events-0@1", "admin"))
                .isInstanceOf(ParkedEventNotDiscardableException.class);
        assertThatThrownBy(() -> ingestion.parking.discard("governance.events-0@2", "admin"))
                .isInstanceOf(ParkedEventNotDiscardableException.class);
        assertThatThrownBy(() -> ingestion.parking.discard("governance.events-0@9", "admin"))
                .isInstanceOf(ParkedEventNotFoundException.class);
    }

    @Test
    void whenTheDeadLetterTopicIsUnreachableTheRecordFailsAndIsRetriedInsteadOfBeingParkedUnseen() {
        ingestion.deadLetters.failWith(new IllegalStateException("broker down"));

        assertThatThrownBy(this::deliverJunkOf).isInstanceOf(IllegalStateException.class);

        assertThat(ingestion.parked.count()).isZero();
        assertThat(ingestion.consumerPositions.applied(Ingestion.GROUP, PARTITION)).isEmpty();
    }

    private void deliverJunkOf() {
        deliverJunk(X);
    }

    private void deliver(IncomingEvent event) {
        ingestion.listener.onRecord(RelayRecords.of(event, offset++));
    }

    private void deliverJunk(String key) {
        ingestion.listener.onRecord(junk(key, offset++));
    }

    private static ConsumerRecord<String, byte[]> junk(String key, long offset) {
        return new ConsumerRecord<>(RelayRecords.TOPIC, 0, offset, key, "not an event".getBytes(StandardCharsets.UTF_8));
    }
}
