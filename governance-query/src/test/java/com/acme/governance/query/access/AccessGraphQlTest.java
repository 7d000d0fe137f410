package com.acme.governance.query.access;

import com.acme.governance.query.support.QueryGraphQlTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Access requests and grants through {@code /graphql}. */
class AccessGraphQlTest extends QueryGraphQlTest {

    @Test
    void aRequestListNamesEachRequestsProductAndPoliciesReadingEachKindOnceForTheWholeList() {
        MONGO_FINDS.reset();

        graphQl("bob").document("""
                        { accessRequests(filter: {dataProductId: "sales.orders"}) { totalCount
                            edges { node { id status dataProduct { id ownerTeam } policies { id }
                                          decision { policies { policyId version } } } } } }""")
                .execute()
                .path("accessRequests.totalCount").entity(Integer.class).isEqualTo(2)
                .path("accessRequests.edges[*].node.id").entityList(String.class).containsExactly(PENDING, GRANTED)
                .path("accessRequests.edges[*].node.dataProduct.id").entityList(String.class)
                .containsExactly(PRODUCT, PRODUCT);

        assertThat(MONGO_FINDS.of("data_products")).as("one read of the products for every request").isEqualTo(1);
        assertThat(MONGO_FINDS.of("policies")).as("one read of the policies for every request").isEqualTo(1);
    }

    @Test
    void awaitingMyApprovalIsAboutTheCaller() {
        graphQl("alice").document("{ accessRequests(filter: {awaitingMyApproval: true}) { edges { node { id } } } }")
                .execute()
                .path("accessRequests.edges[*].node.id").entityList(String.class).containsExactly(PENDING);
        graphQl("bob").document("{ accessRequests(filter: {awaitingMyApproval: true}) { totalCount } }")
                .execute()
                .path("accessRequests.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aGrantReadsWithItsApprovalsAndProduct() {
        graphQl("bob").document("""
                        { accessGrant(id: "%s") { id status consumerTeam approvals { principal role }
                            dataProduct { id } } }""".formatted(GRANTED))
                .execute()
                .path("accessGrant.status").entity(String.class).isEqualTo("ACTIVE")
                .path("accessGrant.approvals[*].principal").entityList(String.class).containsExactly("alice", "carol")
                .path("accessGrant.dataProduct.id").entity(String.class).isEqualTo(PRODUCT);
        graphQl("bob").document("{ accessGrants(filter: {consumerTeam: \"marketing\"}) { totalCount } }")
                .execute()
                .path("accessGrants.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aGrantSaysWhetherItsAclsAreInPlaceAndWhichOnes() {
        graphQl("bob").document("""
                        { accessGrant(id: "%s") { provisioning provisionedAt unmanagedPorts
                            aclBindings { principal resourceType resourceName patternType operation } } }"""
                        .formatted(GRANTED))
                .execute()
                .path("accessGrant.provisioning").entity(String.class).isEqualTo("PROVISIONED")
                .path("accessGrant.unmanagedPorts").entityList(String.class).containsExactly("warehouse.orders")
                .path("accessGrant.aclBindings[*].resourceType").entityList(String.class).containsExactly("TOPIC", "GROUP")
                .path("accessGrant.aclBindings[1].patternType").entity(String.class).isEqualTo("PREFIXED")
                .path("accessGrant.aclBindings[0].principal").entity(String.class).isEqualTo("User:marketing");
    }

    @Test
    void aMalformedIdIsBadRequestAndAnUnknownOneNotFound() {
        graphQl("bob").document("{ accessRequest(id: \"not-a-uuid\") { id } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(error.getExtensions().get("fields").toString()).contains("id");
                }));
        graphQl("bob").document("{ accessGrant(id: \"%s\") { id } }".formatted(PENDING))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND")));
    }
}
