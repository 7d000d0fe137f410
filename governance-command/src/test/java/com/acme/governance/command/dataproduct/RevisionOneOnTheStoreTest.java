package com.acme.governance.command.dataproduct;

import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.command.DeprecationOfRevision1;
import com.acme.governance.command.GovernanceCommandApplication;
import com.acme.governance.command.TestActors;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A store that holds a deprecation of revision 1, written through the driver as the code before revision 2 wrote it,
 * still loads the product: it is DEPRECATED, so it may be retired, and the chain goes on from the old event's hash.
 * Deprecations decided today are revision 2 and name their successor when the owners give one.
 */
@SpringBootTest(classes = {GovernanceCommandApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class},
        properties = {"axon.axonserver.enabled=false", "spring.kafka.bootstrap-servers=localhost:1",
                "spring.kafka.admin.operation-timeout=1s"})
@AutoConfigureMockMvc
class RevisionOneOnTheStoreTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private MongoTemplate commandAxonMongoTemplate;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Test
    void aProductDeprecatedInRevision1LoadsDeprecatedAndItsChainGoesOn() throws Exception {
        DataProductId legacy = DataProductId.of("sales.legacy");
        storage.appendEvents(
                event(legacy, 0, new DataProductRegistered(legacy, "Legacy", null, "sales", Classification.INTERNAL,
                        List.of(), List.of())),
                event(legacy, 1, new DataProductPublished(legacy)));
        String hashOfPublished = (String) storage.readEvents(legacy.toString(), 1).next().getMetaData()
                .get(AuditMetadata.HASH);
        DeprecationOfRevision1 old = DeprecationOfRevision1.of(legacy, "replaced by sales.orders-v2", 2,
                hashOfPublished, TestActors.ALICE, eventSerializer);
        commandAxonMongoTemplate.eventCollection().insertOne(old.document());

        // a PUBLISHED product could not be retired: the old event must have made it DEPRECATED
        send("alice", "/api/v1/data-products/sales.legacy/retire", "{\"reason\":\"no consumers left\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Governance-Token", "sales.legacy:3"));

        List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(legacy.toString()).asStream().toList();
        assertThat(stored.get(2).getPayload())
                .isEqualTo(new DataProductDeprecated(legacy, "replaced by sales.orders-v2", null));
        assertThat(stored.get(3).getPayload()).isInstanceOf(DataProductRetired.class);
        assertThat(stored.get(3).getMetaData().get(AuditMetadata.PREVIOUS_HASH)).isEqualTo(old.hash());
        assertThat(commandAxonMongoTemplate.eventCollection().find(
                        new org.bson.Document("aggregateIdentifier", legacy.toString()).append("sequenceNumber", 2L))
                .first()).as("the stored event is never rewritten").isEqualTo(old.document());
    }

    @Test
    void aDeprecationNamesItsSuccessorInRevision2() throws Exception {
        publishedProduct("orders");

        send("alice", "/api/v1/data-products/sales.orders/deprecate",
                "{\"reason\":\"moved\",\"replacedBy\":\"sales.orders-v2\"}").andExpect(status().isOk());

        assertThat(eventStore.readEvents("sales.orders").asStream().toList().get(2).getPayload())
                .isEqualTo(new DataProductDeprecated(DataProductId.of("sales.orders"), "moved",
                        DataProductId.of("sales.orders-v2")));
    }

    @Test
    void aDeprecationWithoutSuccessorIsWhatClientsSentBefore() throws Exception {
        publishedProduct("clicks");

        send("alice", "/api/v1/data-products/sales.clicks/deprecate", "{\"reason\":\"moved\"}")
                .andExpect(status().isOk());

        assertThat(eventStore.readEvents("sales.clicks").asStream().toList().get(2).getPayload())
                .isEqualTo(new DataProductDeprecated(DataProductId.of("sales.clicks"), "moved", null));
    }

    @Test
    void aSuccessorMustBeAnotherWellFormedProduct() throws Exception {
        publishedProduct("views");

        send("alice", "/api/v1/data-products/sales.views/deprecate",
                "{\"reason\":\"moved\",\"replacedBy\":\"sales.views\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("replacedBy")));
        send("alice", "/api/v1/data-products/sales.views/deprecate",
                "{\"reason\":\"moved\",\"replacedBy\":\"Not A Product\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("replacedBy")));

        assertThat(eventStore.readEvents("sales.views").asStream().count()).as("nothing recorded").isEqualTo(2);
    }

    private void publishedProduct(String name) throws Exception {
        send("alice", "/api/v1/data-products", "{\"domain\":\"sales\",\"name\":\"" + name + "\",\"title\":\"T\","
                + "\"ownerTeam\":\"sales\",\"classification\":\"INTERNAL\",\"tags\":[],\"outputPorts\":[]}")
                .andExpect(status().isCreated());
        send("alice", "/api/v1/data-products/sales." + name + "/publish", "").andExpect(status().isOk());
    }

    private ResultActions send(String user, String path, String body) throws Exception {
        return mvc.perform(LocalTestUsers.as(user, post(path)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static DomainEventMessage<?> event(DataProductId id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("DataProduct", id.toString(), sequence, payload, TestActors.ALICE);
    }
}
