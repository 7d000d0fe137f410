package com.acme.governance.query.audit.verify;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.support.QueryHttpTest;
import org.junit.jupiter.api.Test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /audit/verify}, {@code /audit/digest} and {@code /audit/public-key} over HTTP, on a query application whose
 * event store is empty and that has no public key configured.
 */
class AuditVerifyReadsTest extends QueryHttpTest {

    private static final String VERIFY = "/api/v1/audit/verify";

    @Test
    void onlyTheReadersOfTheAuditTrailMayVerify() throws Exception {
        mvc.perform(as("bob", get(VERIFY))).andExpect(status().isForbidden())
                .andExpect(problem(ProblemTypes.FORBIDDEN));
        mvc.perform(as("bob", get("/api/v1/audit/digest"))).andExpect(status().isForbidden());
    }

    @Test
    void copiesOfEventsThatTheStoreDoesNotHoldAreNamed() throws Exception {
        mvc.perform(as("dave", get(VERIFY).param("aggregateId", PRODUCT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.eventsChecked").value(0))
                .andExpect(jsonPath("$.firstBroken.aggregateId").value(PRODUCT))
                .andExpect(jsonPath("$.firstBroken.sequenceNumber").value(0))
                .andExpect(jsonPath("$.firstBroken.reason").value("copy-differs"))
                .andExpect(jsonPath("$.copiesBehind").value(0))
                .andExpect(jsonPath("$.digest").isEmpty());
    }

    @Test
    void unknownRepeatedOrMalformedParametersAreRefusedByName() throws Exception {
        mvc.perform(as("dave", get(VERIFY).param("digest", "all"))).andExpect(status().isBadRequest())
                .andExpect(problem(ProblemTypes.INVALID_INPUT)).andExpect(jsonPath("$.errors[0].field").value("digest"));
        mvc.perform(as("dave", get(VERIFY).param("size", "10"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(as("dave", get(VERIFY).param("aggregate", PRODUCT))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("aggregate"));
        mvc.perform(as("dave", get(VERIFY).param("aggregateId", PRODUCT, PRODUCT)))
                .andExpect(status().isBadRequest());
        mvc.perform(as("dave", get("/api/v1/audit/digest").param("at", "2026-01-01T00:00:00Z")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("at"));
        mvc.perform(as("bob", get("/api/v1/audit/public-key").param("format", "der")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
    }

    @Test
    void withoutADigestOrAKeyTheirEndpointsAnswerNotFound() throws Exception {
        mvc.perform(as("dave", get("/api/v1/audit/digest"))).andExpect(status().isNotFound())
                .andExpect(problem(ProblemTypes.NOT_FOUND));
        mvc.perform(as("bob", get("/api/v1/audit/public-key"))).andExpect(status().isNotFound())
                .andExpect(problem(ProblemTypes.NOT_FOUND));
    }
}
