package com.acme.governance.query.access;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.support.QueryHttpTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/v1/access-grants} and one grant by the id of its request, over HTTP. */
class AccessGrantReadsTest extends QueryHttpTest {

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
                .andExpect(jsonPath("$.dataProductId").value(PRODUCT))
                .andExpect(jsonPath("$.ownerTeam").value("sales"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.startsAt").value("2026-03-10T10:01:03.250Z"))
                .andExpect(jsonPath("$.expiresAt").value("2026-04-09T10:01:03.250Z"))
                .andExpect(jsonPath("$.approvals", hasSize(2)))
                .andExpect(jsonPath("$.decision.requiredApprovals", hasSize(2)))
                .andExpect(jsonPath("$.revokedAt").value(nullValue()));
    }

    @Test
    void aRequestNotGrantedHasNoGrantAndAMalformedIdIsInvalid() throws Exception {
        mvc.perform(asAlice(get("/api/v1/access-grants/{id}", PENDING)))
                .andExpect(status().isNotFound())
                .andExpect(problem(ProblemTypes.NOT_FOUND));
        mvc.perform(asAlice(get("/api/v1/access-grants/{id}", "1-2-3-4-5")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }
}
