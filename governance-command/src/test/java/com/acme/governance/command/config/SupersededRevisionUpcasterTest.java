package com.acme.governance.command.config;

import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A deprecation stored as revision 1 loads as revision 2, with no successor named; nothing else is touched. */
class SupersededRevisionUpcasterTest {

    private static final DataProductId ORDERS = DataProductId.of("sales.orders");

    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
    private final EventUpcaster upcaster = SupersededRevisionUpcaster.ofCatalog();

    @Test
    void aRevision1DeprecationReadsAsRevision2WithNoSuccessor() {
        IntermediateEventRepresentation upcast = upcastOne(DataProductDeprecated.class.getName(), "1",
                "{\"id\":\"sales.orders\",\"reason\":\"replaced by sales.orders-v2\"}");

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        JsonNode payload = upcast.getData(JsonNode.class).getData();
        assertThat(payload.has("replacedBy")).isTrue();
        assertThat(payload.get("replacedBy").isNull()).isTrue();
        assertThat(serializer.<String, DataProductDeprecated>deserialize(upcast.getData(String.class)))
                .isEqualTo(new DataProductDeprecated(ORDERS, "replaced by sales.orders-v2", null));
    }

    @Test
    void theCurrentRevisionIsReadAsStored() {
        String stored = "{\"id\":\"sales.orders\",\"reason\":\"moved\",\"replacedBy\":\"sales.orders-v2\"}";

        IntermediateEventRepresentation read = upcastOne(DataProductDeprecated.class.getName(), "2", stored);

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(read.getData(String.class).getData()).isEqualTo(stored);
    }

    @Test
    void otherEventsAreNotTouched() {
        String stored = "{\"id\":\"sales.orders\",\"reason\":\"gone\"}";

        IntermediateEventRepresentation read = upcastOne(DataProductRetired.class.getName(), "1", stored);

        assertThat(read.getType().getRevision()).isEqualTo("1");
        assertThat(read.getData(String.class).getData()).isEqualTo(stored);
    }

    private IntermediateEventRepresentation upcastOne(String payloadType, String revision, String json) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("DataProduct", ORDERS.toString(), 2,
                "e-1", Instant.parse("2026-11-25T10:15:30.123Z"), payloadType, revision, json, "{}");
        List<IntermediateEventRepresentation> read = upcaster
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }
}
