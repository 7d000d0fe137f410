package com.acme.governance.query.ingestion;

import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.EventChain;
import com.acme.governance.query.support.RelayRecords;
import com.acme.governance.query.support.TestJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingEventReaderTest {

    private final IncomingEventReader reader = new IncomingEventReader(TestJson.MAPPER);

    @Test
    void readsTheEnvelopeTheRelayWrites() {
        IncomingEvent deprecated = DataProductStream.fullLifecycle("sales.orders").get(4);

        IncomingEvent read = reader.read(RelayRecords.of(deprecated, 42));

        assertThat(read).isEqualTo(deprecated);
        assertThat(read.roles()).containsExactly("STEWARD");
        assertThat(read.teams()).isEmpty();
        assertThat(read.issuer()).isEqualTo(EventChain.ISSUER);
    }

    @Test
    void anEventRecordedWithoutAnIssuerHasNoneWhetherItsHeaderIsEmptyOrAbsent() {
        ConsumerRecord<String, byte[]> empty = registeredWithout("issuer");
        empty.headers().add("ce_issuer", new byte[0]);

        assertThat(reader.read(empty).issuer()).isNull();
        assertThat(reader.read(registeredWithout("issuer")).issuer()).isNull();
    }

    @Test
    void theFirstEventHasAnEmptyPreviousHash() {
        IncomingEvent registered = DataProductStream.of("sales.orders").registered().last();

        IncomingEvent read = reader.read(RelayRecords.of(registered, 0));

        assertThat(read.previousHash()).isEmpty();
        assertThat(read.sequence()).isZero();
        assertThat(read.isCatalogued()).isTrue();
    }

    @Test
    void anUnknownTypeIsReadButNotCatalogued() {
        IncomingEvent unknown = DataProductStream.of("sales.orders").registered().unknown("governance.dataproduct.renamed.v1").last();

        IncomingEvent read = reader.read(RelayRecords.of(unknown, 1));

        assertThat(read.type()).isEqualTo("governance.dataproduct.renamed.v1");
        assertThat(read.isCatalogued()).isFalse();
    }

    @Test
    void acceptsAnyRfc3339Offset() {
        ConsumerRecord<String, byte[]> record = RelayRecords.of(DataProductStream.of("sales.orders").registered().last(), 0);
        record.headers().remove("ce_time");
        record.headers().add("ce_time", "2026-03-01T10:00:00.123+01:00".getBytes(StandardCharsets.UTF_8));

        assertThat(reader.read(record).time()).isEqualTo(DataProductStream.START);
    }

    @Test
    void aRecordWithoutTypeIsMalformedWithoutType() {
        ConsumerRecord<String, byte[]> record = RelayRecords.of(DataProductStream.of("sales.orders").registered().last(), 7);
        record.headers().remove("ce_type");

        assertThatThrownBy(() -> reader.read(record))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.type()).isNull())
                .hasMessageContaining("governance.events-0@7")
                .hasMessageContaining("not a CloudEvent");
    }

    /** What CloudEvents itself requires, the SDK refuses: the record is no CloudEvent, so it has no type either. */
    @ParameterizedTest
    @ValueSource(strings = {"id", "source", "specversion"})
    void aRecordWithoutACloudEventsAttributeIsNoCloudEvent(String attribute) {
        ConsumerRecord<String, byte[]> record = registeredWithout(attribute);

        assertThatThrownBy(() -> reader.read(record))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.type()).isNull())
                .hasMessageContaining("not a CloudEvent");
    }

    /** What the contract requires beyond CloudEvents is named, and the type the envelope carried is kept. */
    @ParameterizedTest
    @ValueSource(strings = {"subject", "time", "sequence", "aggregatetype", "principal", "hash"})
    void aMissingRequiredAttributeIsMalformedAndNamesIt(String attribute) {
        ConsumerRecord<String, byte[]> record = registeredWithout(attribute);

        assertThatThrownBy(() -> reader.read(record))
                .isInstanceOfSatisfying(MalformedEventException.class,
                        e -> assertThat(e.type()).isEqualTo("governance.dataproduct.registered.v2"))
                .hasMessageContaining("'" + attribute + "'");
    }

    @Test
    void aTimeThatIsNotRfc3339IsNoCloudEvent() {
        ConsumerRecord<String, byte[]> record = RelayRecords.of(DataProductStream.of("sales.orders").registered().last(), 0);
        record.headers().remove("ce_time");
        record.headers().add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> reader.read(record)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("time");
    }

    @Test
    void aPayloadThatIsNotJsonIsMalformed() {
        ConsumerRecord<String, byte[]> relayed = RelayRecords.of(DataProductStream.of("sales.orders").registered().last(), 0);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(relayed.topic(), 0, 0, relayed.key(),
                "{not json".getBytes(StandardCharsets.UTF_8));
        relayed.headers().forEach(record.headers()::add);

        assertThatThrownBy(() -> reader.read(record)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aSequenceThatIsNotANumberIsMalformed() {
        ConsumerRecord<String, byte[]> record = RelayRecords.of(DataProductStream.of("sales.orders").registered().last(), 0);
        record.headers().remove("ce_sequence");
        record.headers().add("ce_sequence", "first".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> reader.read(record)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'sequence' is not a number");
    }

    @Test
    void teamsAndRolesAreCommaSeparated() {
        IncomingEvent updated = DataProductStream.of("sales.orders").registered().updated().last();

        assertThat(reader.read(RelayRecords.of(updated, 1)).teams()).isEqualTo(List.of("sales", "logistics"));
    }

    private static ConsumerRecord<String, byte[]> registeredWithout(String attribute) {
        ConsumerRecord<String, byte[]> record = RelayRecords.of(DataProductStream.of("sales.orders").registered().last(), 0);
        record.headers().remove("ce_" + attribute);
        return record;
    }
}
