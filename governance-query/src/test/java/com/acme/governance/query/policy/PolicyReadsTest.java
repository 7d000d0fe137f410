package com.acme.governance.query.policy;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.support.QueryHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/v1/policies}, one policy and its versions, over HTTP. */
class PolicyReadsTest extends QueryHttpTest {

    @Test
    void listsAPageOfPolicies() throws Exception {
        mvc.perform(as("bob", get("/api/v1/policies").param("domain", "sales").param("status", "ACTIVE")))
                .andExpect(status().isOk())
                .andExpect(page(0, 20))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(SALES_PII))
                .andExpect(jsonPath("$.items[0].scope.domain").value("sales"))
                .andExpect(jsonPath("$.items[0].rules[0].when.tags", hasSize(2)))
                .andExpect(jsonPath("$.items[0].rules[0].then.requiredApprovals[0]").value("OWNER"))
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
                .andExpect(problem(ProblemTypes.NOT_FOUND));
        mvc.perform(asAlice(get("/api/v1/policies/{id}/versions", "no-such-policy")))
                .andExpect(status().isNotFound());
        mvc.perform(asAlice(get("/api/v1/policies/{id}", "Confidential_Data")))
                .andExpect(status().isBadRequest())
                .andExpect(problem(ProblemTypes.INVALID_INPUT))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }
}
