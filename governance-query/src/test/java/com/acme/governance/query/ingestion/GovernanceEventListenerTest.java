package com.acme.governance.query.ingestion;

import com.acme.governance.query.consistency.PositionAdvancedSignal;
import com.acme.governance.query.consistency.ProjectionPositions;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.RelayRecords;
import com.acme.governance.query.support.TestJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GovernanceEventListenerTest {

    private static InMemoryMongo mongo;
    private ProjectionPositions positions;
    private final List<IncomingEvent> projected = new ArrayList<>();
    private GovernanceEventListener listener;

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
        positions = new ProjectionPositions(mongo.freshDatabase(), new PositionAdvancedSignal());
        listener = new GovernanceEventListener(new IncomingEventReader(TestJson.MAPPER),
                new ProjectionDispatcher(List.of(projected::add), positions));
    }

    @Test
    void aRelayedEventIsProjectedAndItsPositionAdvanced() {
        IncomingEvent registered = DataProductStream.of("sales.orders").registered().last();

        listener.onRecord(RelayRecords.of(registered, 0));

        assertThat(projected).containsExactly(registered);
        assertThat(positions.current("sales.orders")).isZero();
    }

    @Test
    void aPublishedEventWithABrokenEnvelopeIsThrownSoThatItIsRetried() {
        ConsumerRecord<String, byte[]> record = RelayRecords.of(DataProductStream.of("sales.orders").registered().last(), 0);
        record.headers().remove("ce_sequence");

        assertThatThrownBy(() -> listener.onRecord(record)).isInstanceOf(MalformedEventException.class);

        assertThat(projected).isEmpty();
    }

    @Test
    void aRecordThatIsNoGovernanceEventIsSkipped() {
        ConsumerRecord<String, byte[]> foreign = new ConsumerRecord<>(RelayRecords.TOPIC, 0, 3, "key",
                "hello".getBytes(StandardCharsets.UTF_8));

        listener.onRecord(foreign);

        assertThat(projected).isEmpty();
    }

    @Test
    void anUnknownTypeWithABrokenEnvelopeIsSkipped() {
        ConsumerRecord<String, byte[]> record = RelayRecords.of(
                DataProductStream.of("sales.orders").registered().unknown("governance.future.v9").last(), 1);
        record.headers().remove("ce_subject");

        listener.onRecord(record);

        assertThat(projected).isEmpty();
    }
}
