package com.acme.governance.query.access;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.support.QueryHttpTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/v1/access-requests} and one request by id, over HTTP. */
class AccessRequestReadsTest extends QueryHttpTest {

    @Test
    void oneAccessRequestShowsItsApprovalsAndTheDecisionBehindIt() throws Exception {
        mvc.perform(as("dave", get("/api/v1/access-requests/{id}", GRANTED)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(GRANTED))
                .andExpect(jsonPath("$.dataProductId").value(PRODUCT))
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
        mvc.perform(as("bob", get("/api/v1/access-requests").param("dataProductId", PRODUCT)))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void anUnknownAccessRequestIsNotFoundAndAMalformedIdInvalid() throws Exception {
        mvc.perform(asAlice(get("/api/v1/access-requests/{id}", "5ebe7b6d-be9e-4cbe-8faa-8b6c7dcedf06")))
                .andExpect(status().isNotFound())
                .andExpect(problem(ProblemTypes.NOT_FOUND));
        mvc.perform(asAlice(get("/api/v1/access-requests/{id}", "not-a-uuid")))
                .andExpect(status().isBadRequest())
                .andExpect(problem(ProblemTypes.INVALID_INPUT))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }
}
