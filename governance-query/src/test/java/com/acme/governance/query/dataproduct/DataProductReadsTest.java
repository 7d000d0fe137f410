package com.acme.governance.query.dataproduct;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.support.QueryHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/v1/data-products} and one product by id, over HTTP. */
class DataProductReadsTest extends QueryHttpTest {

    @Test
    void listsAPageOfProducts() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products").param("domain", "sales").param("status", "RETIRED")))
                .andExpect(status().isOk())
                .andExpect(page(0, 20))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(PRODUCT))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void oneProductCarriesItsVersionAsETag() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products/{id}", PRODUCT)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"6\""))
                .andExpect(jsonPath("$.id").value(PRODUCT))
                .andExpect(jsonPath("$.version").value(6))
                .andExpect(jsonPath("$.status").value("RETIRED"))
                .andExpect(jsonPath("$.registeredAt").value("2026-03-01T09:00:00.123Z"))
                .andExpect(jsonPath("$.contractVersions[0].version").value("1.0.0"))
                .andExpect(jsonPath("$.contractVersions[0].schema['$schema']").value("https://json-schema.org/draft/2020-12/schema"))
                .andExpect(jsonPath("$._id").doesNotExist());
    }

    @Test
    void anUnknownProductIsNotFoundAndAMalformedIdIsInvalid() throws Exception {
        mvc.perform(asAlice(get("/api/v1/data-products/{id}", "sales.nothing")))
                .andExpect(status().isNotFound())
                .andExpect(problem(ProblemTypes.NOT_FOUND));
        mvc.perform(asAlice(get("/api/v1/data-products/{id}", "Sales.Orders")))
                .andExpect(status().isBadRequest())
                .andExpect(problem(ProblemTypes.INVALID_INPUT))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(asAlice(get("/api/v1/data-products/{id}/history", "sales.nothing")))
                .andExpect(status().isNotFound());
    }
}
