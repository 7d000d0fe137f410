package com.acme.governance.query.asof;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.testing.EmbeddedMongoConfiguration;
import com.acme.governance.edge.testing.LocalTestUsers;
import com.acme.governance.query.GovernanceQueryApplication;
import com.acme.governance.query.ingestion.ProjectionDispatcher;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.PolicyStream;
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

import java.net.URI;
import java.time.Instant;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A product and a policy with histories at known instants, asked as they stood between every two of their events:
 * each answer is the state those events made, with the version of then as its ETag, and nothing that came later.
 * The product's events are one second apart from 09:00:00.123: registered, updated, contract 1.0.0, published,
 * deprecated, retired; the policy's from 08:00:00.250 on 1 February: defined, amended, amended again.
 */
@SpringBootTest(classes = {GovernanceQueryApplication.class, EmbeddedMongoConfiguration.class, LocalTestUsers.class},
        properties = {"governance.query.mongo-database=query_as_of_test",
                "governance.query.consumer-auto-startup=false", "governance.query.consistency-timeout=300ms",
                "spring.kafka.bootstrap-servers=localhost:1"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsOfReadsTest {

    private static final String PRODUCT = "/api/v1/data-products/sales.orders";
    private static final String POLICY = "/api/v1/policies/confidential-data";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ProjectionDispatcher dispatcher;

    @BeforeAll
    void history() {
        DataProductStream.fullLifecycle("sales.orders").forEach(dispatcher::dispatch);
        DataProductStream.of("sales.legacy").registered().published().deprecatedAsRevision1().events()
                .forEach(dispatcher::dispatch);
        PolicyStream.of("confidential-data").defined().amended("pii needs a shorter grant")
                .amended("and sales its own scope").events().forEach(dispatcher::dispatch);
    }

    @ParameterizedTest(name = "at {0}: version {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-01T09:00:00.123Z | 1 | DRAFT      | Orders    | CONFIDENTIAL | 0
            2026-03-01T09:00:00.999Z | 1 | DRAFT      | Orders    | CONFIDENTIAL | 0
            2026-03-01T09:00:01.500Z | 2 | DRAFT      | Orders v2 | RESTRICTED   | 0
            2026-03-01T09:00:02.500Z | 3 | DRAFT      | Orders v2 | RESTRICTED   | 1
            2026-03-01T09:00:03.500Z | 4 | PUBLISHED  | Orders v2 | RESTRICTED   | 1
            2026-03-01T10:00:03.500+01:00 | 4 | PUBLISHED | Orders v2 | RESTRICTED | 1
            2026-03-01T09:00:04.500Z | 5 | DEPRECATED | Orders v2 | RESTRICTED   | 1
            2026-03-01T09:00:05.500Z | 6 | RETIRED    | Orders v2 | RESTRICTED   | 1
            """)
    void aProductAsItStoodBetweenItsEvents(String asOf, long version, String status, String title,
                                           String classification, int contracts) throws Exception {
        read(PRODUCT + "?asOf=" + asOf.replace("+", "%2B"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + version + "\""))
                .andExpect(jsonPath("$.version").value(version))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.classification").value(classification))
                .andExpect(jsonPath("$.contractVersions.length()").value(contracts))
                .andExpect(jsonPath("$.registeredBy").value("alice"))
                .andExpect(jsonPath("$.deprecationReason").value(version >= 5 ? "superseded by sales.orders-v2" : null))
                .andExpect(jsonPath("$.retirementReason").value(version >= 6 ? "no consumers left" : null));
    }

    @Test
    void eachAnswerCarriesTheTimeOfItsLastEvent() throws Exception {
        read(PRODUCT + "?asOf=2026-03-01T09:00:02.500Z")
                .andExpect(jsonPath("$.updatedAt").value("2026-03-01T09:00:02.123Z"))
                .andExpect(jsonPath("$.contractVersions[*].version", contains("1.0.0")));
        read(PRODUCT + "?asOf=2026-03-01T09:00:01.500Z").andExpect(jsonPath("$.contractVersions", empty()));
    }

    @Test
    void afterItsLastEventTheProductIsTodays() throws Exception {
        String today = read(PRODUCT).andReturn().getResponse().getContentAsString();

        read(PRODUCT + "?asOf=" + Instant.now()).andExpect(content().json(today, true));
    }

    @Test
    void aDeprecationOfRevision1NamesNoSuccessor() throws Exception {
        read("/api/v1/data-products/sales.legacy?asOf=" + Instant.now())
                .andExpect(jsonPath("$.status").value("DEPRECATED"))
                .andExpect(jsonPath("$.deprecationReason").value("superseded by sales.orders-v2"))
                .andExpect(jsonPath("$.replacedBy").value((Object) null));
    }

    @ParameterizedTest(name = "at {0}: version {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-02-01T08:00:00.250Z | 1 | Confidential data              | 1 |
            2026-02-01T08:00:01.249Z | 1 | Confidential data              | 1 |
            2026-02-01T08:00:01.250Z | 2 | Confidential and personal data | 2 | sales
            2026-02-01T08:00:02.250Z | 3 | Confidential and personal data | 2 | sales
            2026-02-02T00:00:00Z     | 3 | Confidential and personal data | 2 | sales
            """)
    void aPolicyAsItStoodBetweenItsAmendments(String asOf, int version, String name, int rules, String domain)
            throws Exception {
        read(POLICY + "?asOf=" + asOf)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + version + "\""))
                .andExpect(jsonPath("$.version").value(version))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.rules.length()").value(rules))
                .andExpect(jsonPath("$.scope.domain").value(domain))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.amendedAt").value(version == 1 ? null
                        : "2026-02-01T08:00:0" + (version - 1) + ".250Z"));
    }

    @Test
    void beforeItExistedAResourceIsNotFound() throws Exception {
        read(PRODUCT + "?asOf=2026-03-01T09:00:00.122Z")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(ProblemTypes.NOT_FOUND.toString()));
        read(POLICY + "?asOf=2026-01-01T00:00:00Z")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(ProblemTypes.NOT_FOUND.toString()));
        read("/api/v1/data-products/sales.never?asOf=2026-03-01T09:00:00Z").andExpect(status().isNotFound());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            asOf=yesterday                                  | asOf
            asOf=2026-03-01T09:00:03                        | asOf
            asOf=2026-03-01                                 | asOf
            asOf=                                           | asOf
            asOf=2999-01-01T00:00:00Z                       | asOf
            asOf=-999999999-01-01T00:00:00Z                 | asOf
            asOf=-0001-12-31T23:59:59Z                      | asOf
            asOf=2026-03-01T09:00:03Z&asOf=2026-03-01T09:00:04Z | asOf
            at=2026-03-01T09:00:03Z                         | at
            asOf=2026-03-01T09:00:03Z&page=1                | page
            """)
    void anAsOfThatIsMalformedOrInTheFutureIsRefusedNamingIt(String query, String field) throws Exception {
        for (String resource : new String[] {PRODUCT, POLICY}) {
            read(resource + "?" + query)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value(ProblemTypes.INVALID_INPUT.toString()))
                    .andExpect(jsonPath("$.errors[*].field", contains(field)));
        }
    }

    private ResultActions read(String path) throws Exception {
        return mvc.perform(LocalTestUsers.as("bob", get(URI.create(path))));
    }
}
