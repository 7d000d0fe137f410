package com.acme.governance.query;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.InMemoryMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The standalone query application over HTTP: security, REST contract, problems, read-your-writes. */
@SpringBootTest(classes = GovernanceQueryApplication.class, properties = {
        "governance.query.consumer-auto-startup=false",
        "governance.query.consistency-timeout=300ms",
        "spring.kafka.bootstrap-servers=localhost:1"})
@AutoConfigureMockMvc
@Import(QueryApplicationTest.Users.class)
class QueryApplicationTest {

    private static final InMemoryMongo MONGO = InMemoryMongo.start();
    private static final String ID = "sales.orders";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ProjectionDispatcher dispatcher;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", MONGO::connectionString);
        registry.add("governance.query.mongo-database", () -> "query_application_test");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void project() {
        List<IncomingEvent> events = DataProductStream.fullLifecycle(ID);
        events.forEach(dispatcher::dispatch); // idempotent: every test may project again
    }

    @Test
    void readsNeedAuthenticationAnsweredAsProblem() throws Exception {
        mvc.perform(get("/api/v1/data-products"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")))
                .andExpect(jsonPath("$.type").value(ProblemTypes.UNAUTHENTICATED.toString()))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/data-products").header(HttpHeaders.AUTHORIZATION, basic("alice", "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void healthAndApiDocsAreOpenAndDocumentTheReads() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/data-products'].get.parameters[*].name",
                        org.hamcrest.Matchers.hasItems("domain", "ownerTeam", "q", "page", "size", "X-Governance-Token")))
                .andExpect(jsonPath("$.paths['/api/v1/data-products/{id}/history'].get").exists());
    }

    @Test
    void listsAPageOfProducts() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products").param("domain", "sales").param("status", "RETIRED")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(ID))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void anOperatorSmuggledIntoAParameterNameIsRefused() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products").param("ownerTeam[$ne]", "nobody")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.INVALID_INPUT.toString()))
                .andExpect(jsonPath("$.errors[0].field").value("ownerTeam[$ne]"));
        mvc.perform(asAlice(get("/api/v1/data-products").param("ownerTeam", "{\"$ne\":\"x\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerTeam"));
    }

    @Test
    void oneProductCarriesItsVersionAsETag() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products/{id}", ID)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"6\""))
                .andExpect(jsonPath("$.id").value(ID))
                .andExpect(jsonPath("$.version").value(6))
                .andExpect(jsonPath("$.status").value("RETIRED"))
                .andExpect(jsonPath("$.registeredAt").value("2026-03-01T09:00:00.123Z"))
                .andExpect(jsonPath("$.contractVersions[0].version").value("1.0.0"))
                .andExpect(jsonPath("$.contractVersions[0].schema['$schema']").value("https://json-schema.org/draft/2020-12/schema"))
                .andExpect(jsonPath("$._id").doesNotExist());
    }

    @Test
    void anUnknownProductIsNotFoundAndAMalformedIdIsInvalid() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products/{id}", "sales.nothing")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.NOT_FOUND.toString()));
        mvc.perform(asAlice(get("/api/v1/data-products/{id}", "Sales.Orders")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(ProblemTypes.INVALID_INPUT.toString()))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(asAlice(get("/api/v1/data-products/{id}/history", "sales.nothing")))
                .andExpect(status().isNotFound());
    }

    @Test
    void historyListsTheEventsOldestFirst() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products/{id}/history", ID)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(6)))
                .andExpect(jsonPath("$[0].type").value("governance.dataproduct.registered.v1"))
                .andExpect(jsonPath("$[0].sequence").value(0))
                .andExpect(jsonPath("$[0].previousHash").value(""))
                .andExpect(jsonPath("$[0].payload.title").value("Orders"))
                .andExpect(jsonPath("$[5].type").value("governance.dataproduct.retired.v1"))
                .andExpect(jsonPath("$[5].principal").value("carol"))
                .andExpect(jsonPath("$[5].roles[0]").value("STEWARD"));
    }

    @Test
    void aReachedTokenAnswersAndAnUnreachedOneAnswersReadModelBehind() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products/{id}", ID)).header("X-Governance-Token", ID + ":5"))
                .andExpect(status().isOk());
        mvc.perform(asAlice(get("/api/v1/data-products/{id}", ID)).header("X-Governance-Token", ID + ":6"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.READ_MODEL_BEHIND.toString()));
    }

    @Test
    void aMalformedTokenIsInvalidInput() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products")).header("X-Governance-Token", "not-a-token"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Governance-Token"));
    }

    private static MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, basic("alice", "alice-pw"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** What the launcher's local profile provides: users, hence HTTP Basic. */
    @TestConfiguration
    static class Users {
        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice").password("{noop}alice-pw").authorities("TEAM_sales").build());
        }
    }
}
