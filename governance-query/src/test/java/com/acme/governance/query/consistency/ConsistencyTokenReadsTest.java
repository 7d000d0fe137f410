package com.acme.governance.query.consistency;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.support.QueryHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Read-your-writes over HTTP: a read with {@code X-Governance-Token} waits for the event it names (ADR 0005). */
class ConsistencyTokenReadsTest extends QueryHttpTest {

    @Test
    void aReachedTokenAnswersAndAnUnreachedOneAnswersReadModelBehind() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products/{id}", PRODUCT)).header("X-Governance-Token", PRODUCT + ":5"))
                .andExpect(status().isOk());
        mvc.perform(asAlice(get("/api/v1/data-products/{id}", PRODUCT)).header("X-Governance-Token", PRODUCT + ":6"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                .andExpect(problem(ProblemTypes.READ_MODEL_BEHIND));
    }

    @Test
    void aMalformedTokenIsInvalidInput() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products")).header("X-Governance-Token", "not-a-token"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Governance-Token"));
    }

    @Test
    void theTokenWaitCoversAccessReads() throws Exception {
        mvc.perform(asAlice(get("/api/v1/access-grants/{id}", GRANTED)).header("X-Governance-Token", GRANTED + ":4"))
                .andExpect(status().isOk());
        mvc.perform(asAlice(get("/api/v1/access-requests/{id}", GRANTED)).header("X-Governance-Token", GRANTED + ":5"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                .andExpect(problem(ProblemTypes.READ_MODEL_BEHIND));
        mvc.perform(asAlice(get("/api/v1/policies/{id}/versions", POLICY)).header("X-Governance-Token", POLICY + ":3"))
                .andExpect(status().isServiceUnavailable());
    }
}
