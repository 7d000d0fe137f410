package com.acme.governance.query.parking;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.security.LocalUsers;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.query.GovernanceQueryApplication;
import com.acme.governance.query.ingestion.GovernanceEventListener;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.RecordingDeadLetters;
import com.acme.governance.query.support.RelayRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator endpoint and the health contributors in the standalone query application. */
@SpringBootTest(classes = {GovernanceQueryApplication.class, EmbeddedMongoConfiguration.class},
        properties = {
        "governance.query.mongo-database=parked_events_endpoint_test",
        "governance.query.consumer-auto-startup=false",
        "management.endpoint.health.show-details=always",
        "spring.kafka.bootstrap-servers=localhost:1",
        // no broker in this test: its health would be DOWN (the contributor is tried in ScaleOutIT)
        "management.health.kafka.enabled=false"})
@AutoConfigureMockMvc
@Import(ParkedEventsEndpointTest.Fakes.class)
class ParkedEventsEndpointTest {

    private static final String X = "sales.orders";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private GovernanceEventListener listener;

    @Test
    void operatorsListRetryAndDiscardParkedRecordsWhileHealthSaysSo() throws Exception {
        List<IncomingEvent> x = DataProductStream.fullLifecycle(X);
        listener.onRecord(RelayRecords.of(x.get(0), 0));
        listener.onRecord(new ConsumerRecord<>(RelayRecords.TOPIC, 0, 1, X, new byte[]{(byte) 0xff, 0x00, 0x13}));
        listener.onRecord(RelayRecords.of(x.get(1), 2));

        mvc.perform(get("/api/v1/admin/parked-events")).andExpect(status().isUnauthorized());
        mvc.perform(as("alice", get("/api/v1/admin/parked-events")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.FORBIDDEN.toString()));
        mvc.perform(as("admin", get("/api/v1/admin/parked-events").param("size", "1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value("governance.events-0@1"))
                .andExpect(jsonPath("$.items[0].aggregateId").value(X))
                .andExpect(jsonPath("$.items[0].category").value("undecodable"))
                .andExpect(jsonPath("$.items[0].value").value("/wAT"))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(as("admin", get("/api/v1/admin/parked-events").param("page", "1").param("size", "1")))
                .andExpect(jsonPath("$.items[0].category").value("held-behind-parked"))
                .andExpect(jsonPath("$.items[0].heldBehind").value("governance.events-0@1"));
        mvc.perform(as("admin", get("/api/v1/admin/parked-events").param("sort", "x")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.components.parkedEvents.status").value("OUT_OF_SERVICE"))
                .andExpect(jsonPath("$.components.parkedEvents.details.parked").value(2))
                .andExpect(jsonPath("$.components.projections.status").value("UP"));

        mvc.perform(as("admin", post("/api/v1/admin/parked-events/retry")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(0))
                .andExpect(jsonPath("$.stillParked").value(2));
        mvc.perform(as("admin", delete("/api/v1/admin/parked-events/governance.events-0@2")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(ProblemTypes.ILLEGAL_STATE.toString()));
        mvc.perform(as("admin", delete("/api/v1/admin/parked-events/governance.events-0@7")))
                .andExpect(status().isNotFound());
        mvc.perform(as("admin", delete("/api/v1/admin/parked-events/governance.events-0@1")))
                .andExpect(status().isNoContent());
        mvc.perform(as("admin", post("/api/v1/admin/parked-events/retry").param("aggregateId", X)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1))
                .andExpect(jsonPath("$.stillParked").value(0))
                .andExpect(jsonPath("$.released[0]").value(X));

        mvc.perform(as("admin", get("/api/v1/admin/parked-events"))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(as("alice", get("/api/v1/data-products/" + X))).andExpect(jsonPath("$.version").value(2));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
    }

    @TestConfiguration
    static class Fakes {
        @Bean
        UserDetailsService users() {
            return LocalUsers.userDetailsService();
        }

        @Bean
        @Primary
        DeadLetters recordingDeadLetters() {
            return new RecordingDeadLetters();
        }
    }
}
