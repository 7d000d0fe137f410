package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.command.GovernanceCommandApplication;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import com.acme.governance.edge.testing.MovableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the event store itself holds of the system's decisions: the system as the actor, with no teams or roles, and
 * the id of the human decision's event as the cause, whoever's request set them off.
 */
@SpringBootTest(classes = {GovernanceCommandApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class,
        SystemDecisionsOnTheStoreTest.Clocks.class},
        properties = {"axon.axonserver.enabled=false", "spring.kafka.bootstrap-servers=localhost:1",
                "spring.kafka.admin.operation-timeout=1s", "governance.command.deadline-poll-interval=200ms"})
@AutoConfigureMockMvc
class SystemDecisionsOnTheStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private MockMvc mvc;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private MovableClock clock;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return MovableClock.ticking();
        }
    }

    @Test
    void revocationOnRetirementIsTheSystemsCausedByTheRetirement() throws Exception {
        String product = publishedProduct("retired");
        String request = grantedRequest(product);
        send("alice", post("/api/v1/data-products/{id}/deprecate", product), "{\"reason\":\"replaced soon\"}");
        send("carol", post("/api/v1/data-products/{id}/retire", product), "{\"reason\":\"replaced\"}");
        DomainEventMessage<?> retirement = stored(product, DataProductRetired.class).orElseThrow();

        DomainEventMessage<?> revocation = await().atMost(Duration.ofSeconds(20))
                .until(() -> stored(request, AccessGrantRevoked.class), Optional::isPresent).orElseThrow();

        assertRecordedAsTheSystemCausedBy(revocation, retirement);
        assertThat(revocation.getMetaData().get(AuditMetadata.CORRELATION_ID))
                .as("still in the chain of messages the retirement started")
                .isEqualTo(retirement.getMetaData().get(AuditMetadata.CORRELATION_ID));
    }

    @Test
    void expiryIsTheSystemsCausedByTheGrant() throws Exception {
        String request = grantedRequest(publishedProduct("expiring"));
        DomainEventMessage<?> grant = stored(request, AccessGranted.class).orElseThrow();

        clock.advance(Duration.ofDays(31));
        DomainEventMessage<?> expiry = await().atMost(Duration.ofSeconds(20))
                .until(() -> stored(request, AccessGrantExpired.class), Optional::isPresent).orElseThrow();

        assertRecordedAsTheSystemCausedBy(expiry, grant);
    }

    private static void assertRecordedAsTheSystemCausedBy(DomainEventMessage<?> decision, DomainEventMessage<?> cause) {
        MetaData metaData = decision.getMetaData();
        assertThat(metaData.get(AuditMetadata.PRINCIPAL)).isEqualTo(AuditMetadata.SYSTEM_PRINCIPAL);
        assertThat(metaData.get(AuditMetadata.TEAMS)).isEqualTo(List.of());
        assertThat(metaData.get(AuditMetadata.ROLES)).isEqualTo(List.of());
        assertThat(metaData.get(AuditMetadata.CAUSATION_ID)).isEqualTo(cause.getIdentifier());
    }

    private String publishedProduct(String name) throws Exception {
        send("alice", post("/api/v1/data-products"), "{\"domain\":\"sales\",\"name\":\"" + name + "\",\"title\":\"T\","
                + "\"ownerTeam\":\"sales\",\"classification\":\"INTERNAL\",\"tags\":[],\"outputPorts\":[]}");
        send("alice", post("/api/v1/data-products/sales.{name}/publish", name), "");
        return "sales." + name;
    }

    /** No policy applies here: the owner team's approval grants the request. */
    private String grantedRequest(String product) throws Exception {
        String answer = send("bob", post("/api/v1/access-requests"), "{\"dataProductId\":\"" + product
                + "\",\"consumerTeam\":\"marketing\",\"purpose\":\"reports\",\"durationDays\":30}");
        String request = JSON.readTree(answer).path("id").asText();
        send("alice", post("/api/v1/access-requests/{id}/approve", request), "");
        assertThat(stored(request, AccessGranted.class)).isPresent();
        return request;
    }

    private String send(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(LocalTestUsers.as(user, request).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
    }

    private Optional<DomainEventMessage<?>> stored(String aggregateId, Class<?> type) {
        return eventStore.readEvents(aggregateId).asStream()
                .filter(event -> type.isInstance(event.getPayload()))
                .<DomainEventMessage<?>>map(event -> event)
                .findFirst();
    }
}
