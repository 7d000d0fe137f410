package com.acme.governance.query.audit;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AppliedPolicy;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import com.acme.governance.query.GovernanceQueryApplication;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import com.acme.governance.query.support.AccessRequestStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A history at known instants, asked who held access at each of them: two approvals and a grant that is revoked,
 * one given after a policy amendment that later expires, one ended by its product's retirement, one never granted.
 */
@SpringBootTest(classes = {GovernanceQueryApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class},
        properties = {"governance.query.mongo-database=query_access_as_of_test",
                "governance.query.consumer-auto-startup=false", "governance.query.consistency-timeout=300ms",
                "spring.kafka.bootstrap-servers=localhost:1"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessAsOfTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    /** marketing on sales.orders under confidential-data v2 and sales-pii v1: granted T0+2.75 s, revoked T0+4 s. */
    private static final String REVOKED = "a0000000-0000-4000-8000-000000000001";
    /** logistics on sales.orders under the amended confidential-data v3: granted T1+1.75 s, 30 days, then expired. */
    private static final String EXPIRES = "a0000000-0000-4000-8000-000000000002";
    /** marketing on logistics.shipments: granted T2+1.75 s, closed by the product's retirement at T2+3 s. */
    private static final String RETIRED = "a0000000-0000-4000-8000-000000000003";
    /** marketing on sales.orders, never approved. */
    private static final String PENDING = "a0000000-0000-4000-8000-000000000004";
    private static final Instant T1 = T0.plus(Duration.ofHours(1));
    private static final Instant T2 = T0.plus(Duration.ofHours(2));

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ProjectionDispatcher dispatcher;

    @BeforeAll
    void history() {
        AccessRequestStream.of(REVOKED, T0).requested().approvedByOwner().approvedBySteward().granted()
                .revoked("carol", "no longer needed").events().forEach(dispatcher::dispatch);
        AccessDecision amended = new AccessDecision(List.of(new AppliedPolicy("confidential-data", 3)),
                List.of(ApprovalRole.OWNER), 30, true);
        AccessRequestStream.of(EXPIRES, T1).requested("sales.orders", "sales", "logistics", "lena",
                List.of("logistics"), amended).approvedByOwner().granted().expired().events()
                .forEach(dispatcher::dispatch);
        AccessRequestStream.of(RETIRED, T2).requested("logistics.shipments", "logistics", "marketing", "bob",
                        List.of("marketing"), AccessRequestStream.OWNER_ONLY)
                .approved("lars", ApprovalRole.OWNER, List.of("logistics"), List.of()).granted()
                .revoked("system", "product retired").events().forEach(dispatcher::dispatch);
        AccessRequestStream.of(PENDING, T0.plusSeconds(30)).requested().events().forEach(dispatcher::dispatch);
    }

    @ParameterizedTest(name = "{0} {1} at {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            dataProductId | sales.orders        | 2026-03-01T09:00:01Z      |
            consumerTeam  | marketing           | 2026-03-01T09:00:01Z      |
            dataProductId | sales.orders        | 2026-03-01T09:00:03Z      | a0000000-0000-4000-8000-000000000001
            consumerTeam  | marketing           | 2026-03-01T09:00:03Z      | a0000000-0000-4000-8000-000000000001
            dataProductId | sales.orders        | 2026-03-01T09:00:05Z      |
            consumerTeam  | marketing           | 2026-03-01T09:00:05Z      |
            dataProductId | sales.orders        | 2026-03-01T10:00:02Z      | a0000000-0000-4000-8000-000000000002
            consumerTeam  | marketing           | 2026-03-01T10:00:02Z      |
            consumerTeam  | logistics           | 2026-03-01T11:00:02Z      | a0000000-0000-4000-8000-000000000002
            consumerTeam  | marketing           | 2026-03-01T11:00:02Z      | a0000000-0000-4000-8000-000000000003
            dataProductId | logistics.shipments | 2026-03-01T11:00:02Z      | a0000000-0000-4000-8000-000000000003
            consumerTeam  | marketing           | 2026-03-01T11:00:04Z      |
            dataProductId | sales.orders        | 2026-03-31T10:00:01.749Z  | a0000000-0000-4000-8000-000000000002
            dataProductId | sales.orders        | 2026-03-31T10:00:01.750Z  |
            """)
    void holdersAtAnInstant(String by, String value, String at, String holders) throws Exception {
        List<String> expected = holders == null ? List.of() : Arrays.asList(holders.split(" "));
        ask(by + "=" + value + "&at=" + at, "dave")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(expected.size()))
                .andExpect(expected.isEmpty() ? jsonPath("$.items", empty())
                        : jsonPath("$.items[*].grantId", contains(expected.toArray())));
    }

    @Test
    void aHolderIsAnsweredAsItWasGiven() throws Exception {
        ask("consumerTeam=marketing&at=2026-03-01T09:00:03Z", "carol")
                .andExpect(jsonPath("$.items[0].dataProductId").value("sales.orders"))
                .andExpect(jsonPath("$.items[0].consumerTeam").value("marketing"))
                .andExpect(jsonPath("$.items[0].purpose").value("campaign attribution"))
                .andExpect(jsonPath("$.items[0].grantedAt").value("2026-03-01T09:00:02.750Z"))
                .andExpect(jsonPath("$.items[0].expiresAt").value("2026-03-31T09:00:02.750Z"))
                .andExpect(jsonPath("$.items[0].approvals[*].principal", contains("alice", "carol")))
                .andExpect(jsonPath("$.items[0].approvals[*].role", contains("OWNER", "STEWARD")))
                .andExpect(jsonPath("$.items[0].policies[*].policyId", contains("confidential-data", "sales-pii")))
                .andExpect(jsonPath("$.items[0].policies[*].version", contains(2, 1)))
                // what happened to it later is not part of what held then
                .andExpect(jsonPath("$.items[0].revokedAt").doesNotExist())
                .andExpect(jsonPath("$.items[0].status").doesNotExist());
    }

    @Test
    void aPolicyAmendmentShowsInTheVersionsOfLaterGrants() throws Exception {
        ask("dataProductId=sales.orders&consumerTeam=logistics&at=2026-03-01T10:00:02Z", "admin")
                .andExpect(jsonPath("$.items[*].grantId", contains(EXPIRES)))
                .andExpect(jsonPath("$.items[0].policies[*].version", contains(3)))
                .andExpect(jsonPath("$.items[0].approvals[*].principal", contains("alice")));
    }

    @Test
    void onlyAuditorsStewardsAndOperatorsMayAsk() throws Exception {
        for (String member : List.of("alice", "bob", "erin")) {
            ask("dataProductId=sales.orders&at=2026-03-01T09:00:03Z", member)
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value(ProblemTypes.FORBIDDEN.toString()));
        }
        mvc.perform(get("/api/v1/audit/access-as-of?dataProductId=sales.orders&at=2026-03-01T09:00:03Z"))
                .andExpect(status().isUnauthorized());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            dataProductId=sales.orders                         | at
            at=2026-03-01T09:00:03Z                            | dataProductId
            dataProductId=sales.orders&at=yesterday            | at
            dataProductId=sales.orders&at=2026-03-01T09:00:03  | at
            dataProductId=sales.orders&at=-999999999-01-01T00:00:00Z | at
            consumerTeam=Marketing&at=2026-03-01T09:00:03Z     | consumerTeam
            dataProductId=sales&at=2026-03-01T09:00:03Z        | dataProductId
            """)
    void aQuestionWithoutItsInstantOrWhoseAccessIsRefusedNamingTheParameter(String query, String field)
            throws Exception {
        ask(query, "dave")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(ProblemTypes.INVALID_INPUT.toString()))
                .andExpect(jsonPath("$.errors[*].field", contains(field)));
    }

    private ResultActions ask(String query, String user) throws Exception {
        return mvc.perform(LocalTestUsers.as(user, get("/api/v1/audit/access-as-of?" + query)));
    }
}
