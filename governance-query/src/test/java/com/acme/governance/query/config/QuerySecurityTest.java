package com.acme.governance.query.config;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.support.QueryHttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may read: every read needs a user, refused as a problem; health is open. */
class QuerySecurityTest extends QueryHttpTest {

    @Test
    void readsNeedAuthenticationAnsweredAsProblem() throws Exception {
        mvc.perform(get("/api/v1/data-products"))
                .andExpect(status().isUnauthorized())
                .andExpect(problem(ProblemTypes.UNAUTHENTICATED))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/data-products").header(HttpHeaders.AUTHORIZATION, basic("alice", "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/policies", "/api/v1/access-requests", "/api/v1/access-grants"})
    void theNewReadsNeedAuthenticationToo(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isUnauthorized())
                .andExpect(problem(ProblemTypes.UNAUTHENTICATED));
    }

    @Test
    void healthIsOpenWhileApiDocsNeedAUser() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
    }
}
