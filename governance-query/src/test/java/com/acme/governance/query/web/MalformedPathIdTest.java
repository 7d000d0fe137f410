package com.acme.governance.query.web;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.support.QueryHttpTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A path id its value type refuses is one invalid-input problem naming {@code id}, with the type's own words. */
class MalformedPathIdTest extends QueryHttpTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "/api/v1/data-products/Sales.Orders | domain must match [a-z][a-z0-9-]{1,62}, got 'Sales'",
            "/api/v1/data-products/sales/history | data product id must be {domain}.{name}, got 'sales'",
            "/api/v1/policies/Confidential_Data/versions | must match [a-z][a-z0-9-]{1,62}",
            "/api/v1/access-requests/1-2-3-4-5 | must be a UUID",
            "/api/v1/access-grants/not-a-uuid | must be a UUID"})
    void aMalformedPathIdIsInvalidInputSayingWhatIsWrong(String path, String message) throws Exception {
        mvc.perform(asAlice(get(path)))
                .andExpect(status().isBadRequest())
                .andExpect(problem(ProblemTypes.INVALID_INPUT))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }
}
