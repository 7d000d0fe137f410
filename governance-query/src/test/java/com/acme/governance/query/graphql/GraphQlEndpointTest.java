package com.acme.governance.query.graphql;

import com.acme.governance.query.support.QueryGraphQlTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What every GraphQL request meets: authentication, limits, classified errors, read-your-writes, GraphiQL. */
class GraphQlEndpointTest extends QueryGraphQlTest {

    @Test
    void anAnonymousRequestIsRefusedBeforeGraphQl() throws Exception {
        mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"query\": \"{ dataProducts { totalCount } }\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aQueryNestedDeeperThanTheLimitIsRefusedAsAWhole() {
        graphQl("alice").document("""
                        { __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType {
                            ofType { name } } } } } } } } } } }""")
                .execute()
                .errors().satisfy(errors -> assertThat(only(errors)).satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(error.getMessage()).contains("deep").contains("at most 10");
                }));
    }

    @Test
    void aQueryTooComplexIsRefusedAsAWholeSayingWhy() {
        graphQl("alice").document("""
                        { a: dataProducts(first: 100) { ...products } b: dataProducts(first: 100) { ...products }
                          c: dataProducts(first: 100) { ...products } d: dataProducts(first: 100) { ...products } }
                        fragment products on DataProductConnection { edges { node { id title description tags
                            history { type time principal teams roles hash previousHash payload } } } }""")
                .execute()
                .errors().satisfy(errors -> assertThat(only(errors)).satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(error.getMessage()).contains("complexity").contains("at most 5000");
                }));
    }

    @Test
    void errorsGraphQlRaisesItselfAreClassifiedBadRequestToo() {
        for (String document : List.of("{ dataProducts { nosuchfield } }", "{ dataProducts(", "{ dataProduct(id: 7) { id } }",
                "{ dataProduct(id: \"sales.orders\", asOf: \"yesterday\") { id } }")) {
            graphQl("alice").document(document).execute().errors().satisfy(errors ->
                    assertThat(errors).as(document).isNotEmpty().allSatisfy(error -> {
                        assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(error.getMessage()).doesNotContain("Exception").doesNotContain("at com.");
                    }));
        }
    }

    @Test
    void aTokenTheReadModelsHaveNotReachedIsUnavailableWithoutData() {
        graphQl("alice").mutate().header("X-Governance-Token", "sales.orders:99").build()
                .document("{ dataProduct(id: \"sales.orders\") { id } }")
                .execute()
                .errors().satisfy(errors -> assertThat(only(errors)).satisfies(error ->
                        assertThat(error.getErrorType().toString()).isEqualTo("UNAVAILABLE")));
        graphQl("alice").mutate().header("X-Governance-Token", "sales.orders:5").build()
                .document("{ dataProduct(id: \"sales.orders\") { version } }")
                .execute()
                .path("dataProduct.version").entity(Integer.class).isEqualTo(6);
        graphQl("alice").mutate().header("X-Governance-Token", "no token").build()
                .document("{ dataProduct(id: \"sales.orders\") { version } }")
                .execute()
                .errors().satisfy(errors -> assertThat(only(errors)).satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(((List<?>) error.getExtensions().get("fields")).get(0))
                            .isEqualTo(Map.of("field", "X-Governance-Token", "message",
                                    ((Map<?, ?>) ((List<?>) error.getExtensions().get("fields")).get(0))
                                            .get("message")));
                }));
    }

    @Test
    void graphiQlAndTheSchemaAreServedToAuthenticatedUsers() throws Exception {
        mvc.perform(as("bob", get("/graphiql")).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as("bob", get("/graphiql").param("path", "/graphql")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk());
        mvc.perform(get("/graphiql")).andExpect(status().isUnauthorized());
        String schema = mvc.perform(as("bob", get("/graphql/schema"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(schema).contains("type DataProduct").contains("auditEvents").contains("scalar DateTime");
        assertThat(HttpHeaders.AUTHORIZATION).isNotBlank();
    }

    private static ResponseError only(List<ResponseError> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }
}
