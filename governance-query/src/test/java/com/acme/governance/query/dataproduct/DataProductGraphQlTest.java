package com.acme.governance.query.dataproduct;

import com.acme.governance.query.support.QueryGraphQlTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The data products through {@code /graphql}, as a GraphQL client reads them. */
class DataProductGraphQlTest extends QueryGraphQlTest {

    @Test
    void aProductReadsAsOnRestWithItsContractsAndHistory() {
        graphQl("alice").document("""
                        { dataProduct(id: "sales.orders") { id ownerTeam classification status version
                            contractVersions { version schemaType }
                            history { sequence type principal } } }""")
                .execute()
                .path("dataProduct.id").entity(String.class).isEqualTo(PRODUCT)
                .path("dataProduct.status").entity(String.class).isEqualTo("RETIRED")
                .path("dataProduct.version").entity(Integer.class).isEqualTo(6)
                .path("dataProduct.history[*].sequence").entityList(Integer.class).containsExactly(0, 1, 2, 3, 4, 5)
                .path("dataProduct.history[0].type").entity(String.class)
                .isEqualTo("governance.dataproduct.registered.v2");
    }

    @Test
    void aListIsAConnectionPagedByCursor() {
        var first = graphQl("bob").document("""
                        { dataProducts(filter: {domain: "sales"}, first: 1) {
                            totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }""")
                .execute();
        first.path("dataProducts.edges[0].node.id").entity(String.class).isEqualTo(PRODUCT);
        String end = first.path("dataProducts.pageInfo.endCursor").entity(String.class).get();

        graphQl("bob").document("""
                        query($after: String) { dataProducts(filter: {domain: "sales"}, first: 1, after: $after) {
                            edges { node { id } } pageInfo { hasPreviousPage } } }""")
                .variable("after", end)
                .execute()
                .path("dataProducts.edges").entityList(Object.class).hasSize(0)
                .path("dataProducts.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        assertThat(end).doesNotContain("position");
    }

    @Test
    void invalidInputIsBadRequestNamingTheFieldsAsRestDoes() {
        graphQl("alice").document("""
                        { dataProducts(filter: {domain: "Sales!"}, first: 500) { totalCount } }""")
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(errors.get(0).getExtensions().get("fields").toString())
                            .contains("domain").contains("first");
                });
    }

    @Test
    void anUnknownProductIsNullWithNotFound() {
        graphQl("alice").document("{ dataProduct(id: \"sales.nothing\") { id } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND")))
                .path("dataProduct").valueIsNull();
    }
}
