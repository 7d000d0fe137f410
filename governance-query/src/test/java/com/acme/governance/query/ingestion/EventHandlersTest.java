package com.acme.governance.query.ingestion;

import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.PolicyStream;
import com.acme.governance.query.support.TestJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventHandlersTest {

    private static final String ID = "sales.orders";

    private final EventPayloads payloads = new EventPayloads(TestJson.MAPPER);
    private final List<String> handled = new ArrayList<>();
    private final EventHandlers handlers = EventHandlers.with(payloads)
            .on(DataProductRegistered.class, (event, registered) -> handled.add("registered " + registered.title()))
            .on(DataProductPublished.class, (event, published) -> handled.add("published " + event.sequence()))
            .onUnknown("DataProduct", event -> handled.add("unknown " + event.type()))
            .build();

    @Test
    void anEventGoesToTheHandlerOfItsClassWithItsPayloadReadAsThatClass() {
        DataProductStream.of(ID).registered().published().events().forEach(handlers::handle);

        assertThat(handled).containsExactly("registered Orders", "published 1");
    }

    @Test
    void aKnownTypeWithoutAHandlerIsNotTheProjectionsBusiness() {
        DataProductStream.of(ID).registered().updated().events().forEach(handlers::handle);

        assertThat(handled).containsExactly("registered Orders");
    }

    @Test
    void anUnknownTypeOfTheProjectionsAggregateTypeGoesToTheUnknownHandler() {
        handlers.handle(DataProductStream.of(ID).registered().unknown("governance.dataproduct.renamed.v1").last());

        assertThat(handled).containsExactly("unknown governance.dataproduct.renamed.v1");
    }

    @Test
    void anUnknownTypeOfAnotherAggregateTypeIsNotTheProjectionsBusiness() {
        handlers.handle(PolicyStream.of("confidential-data").defined().unknown("governance.policy.renamed.v1").last());

        assertThat(handled).isEmpty();
    }

    @Test
    void oneClassHasOneHandler() {
        EventHandlers.Builder builder = EventHandlers.with(payloads).on(DataProductPublished.class, (event, published) -> { });

        assertThatThrownBy(() -> builder.on(DataProductPublished.class, (event, published) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DataProductPublished");
    }
}
