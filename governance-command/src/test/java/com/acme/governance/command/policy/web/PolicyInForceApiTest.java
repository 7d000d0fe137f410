package com.acme.governance.command.policy.web;

import com.acme.governance.command.GovernanceCommandApplication;
import com.acme.governance.command.policy.catalog.PolicyCatalogProjection;
import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A policy change is answered as done only once access decisions are taken under it (ADR 0006); when the command
 * side's policy catalog does not catch up in time, the caller is told that the change is recorded but not yet in
 * force (ADR 0023). The context is the one {@code CommandApiTest} runs in, catalog wait included.
 */
@SpringBootTest(classes = {GovernanceCommandApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class},
        properties = {"axon.axonserver.enabled=false", "spring.kafka.bootstrap-servers=localhost:1",
                "spring.kafka.admin.operation-timeout=1s"})
@AutoConfigureMockMvc
class PolicyInForceApiTest {

    private static final String POLICY = """
            {"id": "in-force", "name": "In force", "scope": {"domain": "finance"},
             "rules": [{"when": {"classifications": ["RESTRICTED"], "tags": []},
                        "then": {"requiredApprovals": ["OWNER", "STEWARD"], "maxGrantDays": 30,
                                 "purposeRequired": true}}]}
            """;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aChangeTheCatalogHasNotAppliedIsAnsweredAsRecordedButNotYetInForce() throws Exception {
        EventProcessor catalog = processing.eventProcessor(PolicyCatalogProjection.PROCESSING_GROUP).orElseThrow();
        catalog.shutDown();
        try {
            as(post("/api/v1/policies"), POLICY)
                    .andExpect(status().isAccepted())
                    .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/policies/in-force"))
                    .andExpect(header().string(GovernanceToken.HEADER, "in-force:0"))
                    .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                    .andExpect(jsonPath("$.id").value("in-force"))
                    .andExpect(jsonPath("$.version").value(1))
                    .andExpect(jsonPath("$.inForce").value(false))
                    .andExpect(jsonPath("$.detail").value(containsString("recorded but not yet in force")));
        } finally {
            catalog.start();
        }

        as(put("/api/v1/policies/in-force").header(HttpHeaders.IF_MATCH, "\"1\""),
                POLICY.replace("\"id\": \"in-force\",", "\"rationale\": \"in force once applied\","))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.inForce").doesNotExist());
    }

    private ResultActions as(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(LocalTestUsers.as("carol", request).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
