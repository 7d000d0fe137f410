package com.acme.governance.query.config;

import com.acme.governance.query.support.QueryHttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI document at {@code /v3/api-docs} describes every read with its parameters. */
class QueryApiDocsTest extends QueryHttpTest {

    @Test
    void apiDocsDocumentTheDataProductReads() throws Exception {
        mvc.perform(asAlice(get("/v3/api-docs")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/data-products'].get.parameters[*].name",
                        hasItems("domain", "ownerTeam", "q", "page", "size", "X-Governance-Token")))
                .andExpect(jsonPath("$.paths['/api/v1/data-products/{id}/history'].get").exists());
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
    void apiDocsDocumentTheAuditTrailWithBothOfItsAnswers() throws Exception {
        mvc.perform(asAlice(get("/v3/api-docs")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/audit/events'].get.parameters[*].name", hasItems("aggregateId",
                        "aggregateType", "principal", "type", "from", "to", "cursor", "size", "X-Governance-Token")))
                .andExpect(jsonPath("$.paths['/api/v1/audit/events'].get.responses['200'].content['application/json']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/audit/events'].get.responses['200'].content['application/x-ndjson']")
                        .exists());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/data-products/{id}", "/api/v1/data-products/{id}/history",
            "/api/v1/policies/{id}", "/api/v1/policies/{id}/versions", "/api/v1/access-requests/{id}",
            "/api/v1/access-grants/{id}"})
    void apiDocsDescribeEveryPathIdAsAString(String path) throws Exception {
        mvc.perform(asAlice(get("/v3/api-docs")))
                .andExpect(jsonPath("$.paths['" + path + "'].get.parameters[?(@.name == 'id')].schema.type",
                        hasItems("string")));
    }
}
