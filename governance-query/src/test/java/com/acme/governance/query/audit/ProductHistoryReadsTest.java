package com.acme.governance.query.audit;

import com.acme.governance.query.support.QueryHttpTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/v1/data-products/{id}/history}: the audit trail of one product, over HTTP. */
class ProductHistoryReadsTest extends QueryHttpTest {

    @Test
    void historyListsTheEventsOldestFirst() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products/{id}/history", PRODUCT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(6)))
                .andExpect(jsonPath("$[0].type").value("governance.dataproduct.registered.v2"))
                .andExpect(jsonPath("$[0].sequence").value(0))
                .andExpect(jsonPath("$[0].previousHash").value(""))
                .andExpect(jsonPath("$[0].payload.title").value("Orders"))
                .andExpect(jsonPath("$[5].type").value("governance.dataproduct.retired.v1"))
                .andExpect(jsonPath("$[5].principal").value("carol"))
                .andExpect(jsonPath("$[5].roles[0]").value("STEWARD"));
    }
}
