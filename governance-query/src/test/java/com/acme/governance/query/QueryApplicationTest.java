package com.acme.governance.query;

import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.security.LocalUsers;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import com.acme.governance.query.support.AccessRequestStream;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.PolicyStream;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
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
    private static final String POLICY = "confidential-data";
    /** bob's request for sales.orders, nobody approved yet. */
    private static final String PENDING = "0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01";
    /** bob's request for sales.orders, approved by alice (OWNER) and carol (STEWARD): granted, 4 events. */
    private static final String GRANTED = "1c7a3d2f-7a5a-4e7c-8b66-4d2e3f8a9b02";

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
        PolicyStream.fullLifecycle(POLICY).forEach(dispatcher::dispatch);
        PolicyStream.of("sales-pii", PolicyStream.START.plusSeconds(60))
                .defined("Sales personal data", new PolicyScope("sales"), List.of(PolicyStream.PII)).events()
                .forEach(dispatcher::dispatch);
        AccessRequestStream.of(PENDING).requested().events().forEach(dispatcher::dispatch);
        AccessRequestStream.of(GRANTED, AccessRequestStream.START.plusSeconds(60))
                .requested().approvedByOwner().approvedBySteward().granted().events().forEach(dispatcher::dispatch);
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
    void healthIsOpenWhileApiDocsNeedAUserAndDocumentTheReads() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(asAlice(get("/v3/api-docs")))
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
    void aMalformedPathIdIsInvalidInputSayingWhatIsWrong() throws Exception {
        Map<String, String> refused = Map.of(
                "/api/v1/data-products/Sales.Orders", "domain must match [a-z][a-z0-9-]{1,62}, got 'Sales'",
                "/api/v1/data-products/sales/history", "data product id must be {domain}.{name}, got 'sales'",
                "/api/v1/policies/Confidential_Data/versions", "must match [a-z][a-z0-9-]{1,62}",
                "/api/v1/access-requests/1-2-3-4-5", "must be a UUID",
                "/api/v1/access-grants/not-a-uuid", "must be a UUID");
        for (Map.Entry<String, String> path : refused.entrySet()) {
            mvc.perform(asAlice(get(path.getKey())))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(ProblemTypes.INVALID_INPUT.toString()))
                    .andExpect(jsonPath("$.errors.length()").value(1))
                    .andExpect(jsonPath("$.errors[0].field").value("id"))
                    .andExpect(jsonPath("$.errors[0].message").value(path.getValue()));
        }
    }

    @Test
    void aMalformedTokenIsInvalidInput() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products")).header("X-Governance-Token", "not-a-token"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Governance-Token"));
    }

    @Test
    void theNewReadsNeedAuthenticationToo() throws Exception {
        for (String path : List.of("/api/v1/policies", "/api/v1/access-requests", "/api/v1/access-grants")) {
            mvc.perform(get(path))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value(ProblemTypes.UNAUTHENTICATED.toString()));
        }
    }

    @Test
    void apiDocsDocumentThePolicyAndAccessReads() throws Exception {
        mvc.perform(asAlice(get("/v3/api-docs")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/policies'].get.parameters[*].name",
                        hasItems("status", "domain", "page", "size", "X-Governance-Token")))
                .andExpect(jsonPath("$.paths['/api/v1/policies/{id}/versions'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/access-requests'].get.parameters[*].name",
                        hasItems("status", "dataProductId", "consumerTeam", "awaitingMyApproval", "X-Governance-Token")))
                .andExpect(jsonPath("$.paths['/api/v1/access-grants/{id}'].get").exists());
    }

    @Test
    void apiDocsDescribeEveryPathIdAsAString() throws Exception {
        for (String path : List.of("/api/v1/data-products/{id}", "/api/v1/data-products/{id}/history",
                "/api/v1/policies/{id}", "/api/v1/policies/{id}/versions", "/api/v1/access-requests/{id}",
                "/api/v1/access-grants/{id}")) {
            mvc.perform(asAlice(get("/v3/api-docs")))
                    .andExpect(jsonPath("$.paths['" + path + "'].get.parameters[?(@.name == 'id')].schema.type",
                            hasItems("string")));
        }
    }

    @Test
    void listsAPageOfPolicies() throws Exception {
        mvc.perform(as("bob", get("/api/v1/policies").param("domain", "sales").param("status", "ACTIVE")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value("sales-pii"))
                .andExpect(jsonPath("$.items[0].scope.domain").value("sales"))
                .andExpect(jsonPath("$.items[0].rules[0].when.tags", hasSize(2)))
                .andExpect(jsonPath("$.items[0].rules[0].then.requiredApprovals[0]").value("OWNER"))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void onePolicyCarriesItsEventCountAsETag() throws Exception {
        // defined, amended (version 2), retired: three events, and retirement must change the strong ETag (ADR 0010)
        mvc.perform(asAlice(get("/api/v1/policies/{id}", POLICY)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""))
                .andExpect(jsonPath("$.id").value(POLICY))
                .andExpect(jsonPath("$.name").value("Confidential and personal data"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("RETIRED"))
                .andExpect(jsonPath("$.scope.domain").value("sales"))
                .andExpect(jsonPath("$.rules[0].when.classifications[0]").value("CONFIDENTIAL"))
                .andExpect(jsonPath("$.rules[0].then.maxGrantDays").value(30))
                .andExpect(jsonPath("$.rules[0].then.purposeRequired").value(true))
                .andExpect(jsonPath("$.definedAt").value("2026-02-01T08:00:00.250Z"))
                .andExpect(jsonPath("$.retirementReason").value("superseded by data-classification"))
                .andExpect(jsonPath("$.eventCount").doesNotExist())
                .andExpect(jsonPath("$._id").doesNotExist());
    }

    @Test
    void policyVersionsAreListedOldestFirst() throws Exception {
        mvc.perform(asAlice(get("/api/v1/policies/{id}/versions", POLICY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].policyId").value(POLICY))
                .andExpect(jsonPath("$[0].version").value(1))
                .andExpect(jsonPath("$[0].scope.domain").value(nullValue()))
                .andExpect(jsonPath("$[0].rationale").value(nullValue()))
                .andExpect(jsonPath("$[0].decidedBy").value("carol"))
                .andExpect(jsonPath("$[1].version").value(2))
                .andExpect(jsonPath("$[1].rationale").value("pii needs a shorter grant"))
                .andExpect(jsonPath("$[1].decidedAt").value("2026-02-01T08:00:01.250Z"));
    }

    @Test
    void anUnknownPolicyIsNotFoundAndAMalformedOneInvalid() throws Exception {
        mvc.perform(asAlice(get("/api/v1/policies/{id}", "no-such-policy")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.NOT_FOUND.toString()));
        mvc.perform(asAlice(get("/api/v1/policies/{id}/versions", "no-such-policy")))
                .andExpect(status().isNotFound());
        mvc.perform(asAlice(get("/api/v1/policies/{id}", "Confidential_Data")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(ProblemTypes.INVALID_INPUT.toString()))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(asAlice(get("/api/v1/policies").param("status", "active")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(asAlice(get("/api/v1/policies").param("scope.domain[$ne]", "x")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scope.domain[$ne]"));
    }

    @Test
    void oneAccessRequestShowsItsApprovalsAndTheDecisionBehindIt() throws Exception {
        mvc.perform(as("dave", get("/api/v1/access-requests/{id}", GRANTED)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(GRANTED))
                .andExpect(jsonPath("$.dataProductId").value(ID))
                .andExpect(jsonPath("$.consumerTeam").value("marketing"))
                .andExpect(jsonPath("$.requestedBy").value("bob"))
                .andExpect(jsonPath("$.requestedAt").value("2026-03-10T10:01:00.500Z"))
                .andExpect(jsonPath("$.status").value("GRANTED"))
                .andExpect(jsonPath("$.requiredApprovals", hasSize(2)))
                .andExpect(jsonPath("$.outstandingApprovals", hasSize(0)))
                .andExpect(jsonPath("$.approvals[0].principal").value("alice"))
                .andExpect(jsonPath("$.approvals[0].role").value("OWNER"))
                .andExpect(jsonPath("$.approvals[0].approvedAt").value("2026-03-10T10:01:01.500Z"))
                .andExpect(jsonPath("$.approvals[1].principal").value("carol"))
                .andExpect(jsonPath("$.approvals[1].role").value("STEWARD"))
                .andExpect(jsonPath("$.decision.policies[0].policyId").value(POLICY))
                .andExpect(jsonPath("$.decision.policies[0].version").value(2))
                .andExpect(jsonPath("$.decision.maxGrantDays").value(30))
                .andExpect(jsonPath("$.decision.purposeRequired").value(true))
                .andExpect(jsonPath("$.grantedAt").value("2026-03-10T10:01:03.500Z"))
                .andExpect(jsonPath("$.eventCount").doesNotExist());
    }

    @Test
    void accessRequestsAwaitingMyApprovalDependOnTheCaller() throws Exception {
        mvc.perform(asAlice(get("/api/v1/access-requests").param("awaitingMyApproval", "true")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(PENDING))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(as("carol", get("/api/v1/access-requests").param("awaitingMyApproval", "true")))
                .andExpect(jsonPath("$.items[*].id").value(contains(PENDING)));
        mvc.perform(as("bob", get("/api/v1/access-requests").param("awaitingMyApproval", "true")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(as("bob", get("/api/v1/access-requests").param("dataProductId", ID)))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void anUnknownAccessRequestIsNotFoundAndMalformedInputInvalid() throws Exception {
        mvc.perform(asAlice(get("/api/v1/access-requests/{id}", "5ebe7b6d-be9e-4cbe-8faa-8b6c7dcedf06")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.NOT_FOUND.toString()));
        mvc.perform(asAlice(get("/api/v1/access-requests/{id}", "not-a-uuid")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(ProblemTypes.INVALID_INPUT.toString()))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(asAlice(get("/api/v1/access-requests").param("awaitingMyApproval", "yes")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("awaitingMyApproval"));
        mvc.perform(asAlice(get("/api/v1/access-requests").param("consumerTeam", "{\"$ne\":\"x\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consumerTeam"));
    }

    @Test
    void listsAndReadsAccessGrants() throws Exception {
        mvc.perform(asAlice(get("/api/v1/access-grants").param("status", "ACTIVE").param("consumerTeam", "marketing")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(GRANTED))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(asAlice(get("/api/v1/access-grants/{id}", GRANTED)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(GRANTED))
                .andExpect(jsonPath("$.dataProductId").value(ID))
                .andExpect(jsonPath("$.ownerTeam").value("sales"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.startsAt").value("2026-03-10T10:01:03.250Z"))
                .andExpect(jsonPath("$.expiresAt").value("2026-04-09T10:01:03.250Z"))
                .andExpect(jsonPath("$.approvals", hasSize(2)))
                .andExpect(jsonPath("$.decision.requiredApprovals", hasSize(2)))
                .andExpect(jsonPath("$.revokedAt").value(nullValue()));
    }

    @Test
    void aRequestNotGrantedHasNoGrantAndMalformedInputIsInvalid() throws Exception {
        mvc.perform(asAlice(get("/api/v1/access-grants/{id}", PENDING)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(ProblemTypes.NOT_FOUND.toString()));
        mvc.perform(asAlice(get("/api/v1/access-grants/{id}", "1-2-3-4-5")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(asAlice(get("/api/v1/access-grants").param("status", "PENDING")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void theTokenWaitCoversAccessReads() throws Exception {
        mvc.perform(asAlice(get("/api/v1/access-grants/{id}", GRANTED)).header("X-Governance-Token", GRANTED + ":3"))
                .andExpect(status().isOk());
        mvc.perform(asAlice(get("/api/v1/access-requests/{id}", GRANTED)).header("X-Governance-Token", GRANTED + ":4"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                .andExpect(jsonPath("$.type").value(ProblemTypes.READ_MODEL_BEHIND.toString()));
        mvc.perform(asAlice(get("/api/v1/policies/{id}/versions", POLICY)).header("X-Governance-Token", POLICY + ":3"))
                .andExpect(status().isServiceUnavailable());
    }

    private static MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
        return as("alice", request);
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, basic(user, user + "-pw"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** What the launcher's local profile provides: users, hence HTTP Basic. */
    @TestConfiguration
    static class Users {
        @Bean
        UserDetailsService users() {
            return LocalUsers.userDetailsService();
        }
    }
}
