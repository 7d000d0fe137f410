package com.acme.governance.command.web;

import com.acme.governance.command.GovernanceCommandApplication;
import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;


import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The write side's HTTP edge on its own, over a real (embedded) MongoDB event store: status codes, problem
 * answers, headers. Kafka is unreachable here on purpose: commands must still be accepted.
 */
@SpringBootTest(classes = {GovernanceCommandApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class},
        properties = {"axon.axonserver.enabled=false", "spring.kafka.bootstrap-servers=localhost:1",
                "spring.kafka.admin.operation-timeout=1s"})
@AutoConfigureMockMvc
class CommandApiTest {


    @Autowired
    private MockMvc mvc;

    @Test
    void registrationAnswersCreatedWithLocationTokenAndVersion() throws Exception {
        as("alice", post("/api/v1/data-products"), product("sales", "customers"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/data-products/sales.customers"))
                .andExpect(header().string(GovernanceToken.HEADER, "sales.customers:0"))
                .andExpect(jsonPath("$.id").value("sales.customers"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void duplicateRegistrationIsAConflict() throws Exception {
        as("alice", post("/api/v1/data-products"), product("sales", "returns")).andExpect(status().isCreated());
        as("alice", post("/api/v1/data-products"), product("sales", "returns"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://governance.acme.com/problems/duplicate"));
    }

    @Test
    void staleIfMatchIsAPreconditionFailure() throws Exception {
        as("alice", post("/api/v1/data-products"), product("sales", "invoices")).andExpect(status().isCreated());
        String update = "{\"title\":\"Invoices\",\"classification\":\"INTERNAL\",\"tags\":[],\"outputPorts\":[]}";
        as("alice", put("/api/v1/data-products/sales.invoices").header(HttpHeaders.IF_MATCH, "\"1\""), update)
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""));
        as("alice", put("/api/v1/data-products/sales.invoices").header(HttpHeaders.IF_MATCH, "\"1\""), update)
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(2));
    }

    @Test
    void updateWithoutIfMatchIsRefusedAsPreconditionRequired() throws Exception {
        as("alice", post("/api/v1/data-products"), product("sales", "quotes")).andExpect(status().isCreated());
        as("alice", put("/api/v1/data-products/sales.quotes"),
                "{\"title\":\"Quotes\",\"classification\":\"INTERNAL\",\"tags\":[],\"outputPorts\":[]}")
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("https://governance.acme.com/problems/precondition-required"));
    }

    @Test
    void oversizedSchemaIsRefusedBeforeItCouldBlockThePublishedLog() throws Exception {
        as("alice", post("/api/v1/data-products"), product("sales", "carts")).andExpect(status().isCreated());
        String huge = "{\"version\":\"1.0.0\",\"schemaType\":\"JSON_SCHEMA\",\"schema\":{\"type\":\"object\","
                + "\"description\":\"" + "d".repeat(300 * 1024) + "\"}}";
        as("alice", post("/api/v1/data-products/sales.carts/contracts"), huge)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("schema"));
    }

    @Test
    void otherTeamMayNotRegisterForSales() throws Exception {
        as("bob", post("/api/v1/data-products"), product("sales", "leads"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://governance.acme.com/problems/forbidden"));
    }

    @Test
    void unauthenticatedCallIsRefusedAsProblem() throws Exception {
        mvc.perform(post("/api/v1/data-products").contentType(MediaType.APPLICATION_JSON)
                        .content(product("sales", "nobody")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void badInputIsRefusedWithTheOffendingFields() throws Exception {
        as("alice", post("/api/v1/data-products"), "{\"domain\":\"sales\",")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://governance.acme.com/problems/invalid-input"));
        as("alice", post("/api/v1/data-products"), product("sales", "enum").replace("CONFIDENTIAL", "SECRET"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("classification"));
        as("alice", post("/api/v1/data-products"), product("Sales", "orders"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("domain"));
        as("alice", post("/api/v1/data-products"), product("sales", "long").replace("\"Orders\"",
                        "\"" + "x".repeat(201) + "\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
    }

    @Test
    void unknownProductIsNotFound() throws Exception {
        as("alice", post("/api/v1/data-products/sales.unknown/publish"), "")
                .andExpect(status().isNotFound());
    }

    @Test
    void aMalformedIdInThePathIsInvalidInputNamingIt() throws Exception {
        malformedId(post("/api/v1/data-products/{id}/publish", "Sales.Orders"), "{}",
                "domain must match [a-z][a-z0-9-]{1,62}, got 'Sales'");
        malformedId(put("/api/v1/data-products/{id}", "sales"), "{}",
                "data product id must be {domain}.{name}, got 'sales'");
        malformedId(post("/api/v1/policies/{id}/retire", "Confidential_Data"), "{}", "must match [a-z][a-z0-9-]{1,62}");
        malformedId(post("/api/v1/access-requests/{id}/approve", "1-2-3-4-5"), "{}", "must be a UUID");
        malformedId(post("/api/v1/access-grants/{id}/revoke", "not-a-uuid"), "{\"reason\":\"x\"}", "must be a UUID");
    }

    @Test
    void aMalformedIdOrTeamInTheBodyIsInvalidInputNamingItsField() throws Exception {
        String team = "must match [a-z][a-z0-9-]{1,62}";
        invalidField("alice", post("/api/v1/data-products"),
                product("sales", "teams").replace("\"ownerTeam\": \"sales\"", "\"ownerTeam\": \"Sales\""),
                "ownerTeam", team);
        invalidField("alice", post("/api/v1/data-products"),
                product("sales", "tags").replace("[\"pii\"]", "[\"pii\", \"P I I\"]"), "tags[1]",
                "must match [a-z0-9][a-z0-9-]{0,62}");
        invalidField("carol", post("/api/v1/policies"),
                """
                {"id": "Confidential_Data", "name": "Confidential data",
                 "rules": [{"when": {"classifications": ["CONFIDENTIAL"], "tags": []},
                            "then": {"requiredApprovals": ["OWNER"], "maxGrantDays": 30, "purposeRequired": true}}]}""",
                "id", team);
        invalidField("bob", post("/api/v1/access-requests"),
                "{\"dataProductId\": \"sales.orders\", \"consumerTeam\": \"Marketing\", \"durationDays\": 30}",
                "consumerTeam", team);
    }

    @Test
    void everyRefusedValueOfABodyIsNamedInOneAnswer() throws Exception {
        String body = product("sales", "all-at-once").replace("\"ownerTeam\": \"sales\"", "\"ownerTeam\": \"Sales\"")
                .replace("[\"pii\"]", "[\"P I I\"]").replaceFirst("\"title\": \"[^\"]*\"", "\"title\": \"\"");
        as("alice", post("/api/v1/data-products"), body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://governance.acme.com/problems/invalid-input"))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("ownerTeam"))
                .andExpect(jsonPath("$.errors[1].field").value("tags[0]"))
                .andExpect(jsonPath("$.errors[2].field").value("title"))
                .andExpect(jsonPath("$.errors[2].message").value("must not be blank"));
    }

    @Test
    void aMissingIdIsInvalidInputAmongTheBodysOtherProblems() throws Exception {
        as("carol", post("/api/v1/policies"), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://governance.acme.com/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be null"))
                .andExpect(jsonPath("$.errors[1].field").value("name"));
    }

    private void malformedId(MockHttpServletRequestBuilder request, String body, String message) throws Exception {
        invalidField("alice", request, body, "id", message);
    }

    private void invalidField(String user, MockHttpServletRequestBuilder request, String body, String field,
                              String message) throws Exception {
        as(user, request, body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://governance.acme.com/problems/invalid-input"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    private ResultActions as(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(LocalTestUsers.as(user, request).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String product(String domain, String name) {
        return """
                {"domain": "%s", "name": "%s", "title": "Orders", "description": "Every order placed",
                 "ownerTeam": "sales", "classification": "CONFIDENTIAL", "tags": ["pii"],
                 "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "sales.orders.v1"}]}
                """.formatted(domain, name);
    }
}
