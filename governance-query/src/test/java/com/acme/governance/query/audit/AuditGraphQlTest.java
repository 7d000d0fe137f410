package com.acme.governance.query.audit;

import com.acme.governance.query.support.QueryGraphQlTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail and access-as-of through {@code /graphql}, for their readers only. */
class AuditGraphQlTest extends QueryGraphQlTest {

    @Test
    void theTrailIsPagedByItsOwnCursorOldestFirst() {
        var first = graphQl("dave").document("""
                        { auditEvents(filter: {aggregateId: "sales.orders"}, first: 4) {
                            edges { cursor node { sequence type hash previousHash } }
                            pageInfo { hasNextPage endCursor } } }""")
                .execute();
        first.path("auditEvents.edges[*].node.sequence").entityList(Integer.class).containsExactly(0, 1, 2, 3)
                .path("auditEvents.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String end = first.path("auditEvents.pageInfo.endCursor").entity(String.class).get();

        graphQl("carol").document("""
                        query($after: String) { auditEvents(filter: {aggregateId: "sales.orders"}, after: $after) {
                            edges { node { sequence } } pageInfo { hasNextPage hasPreviousPage } } }""")
                .variable("after", end)
                .execute()
                .path("auditEvents.edges[*].node.sequence").entityList(Integer.class).containsExactly(4, 5)
                .path("auditEvents.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void whoHeldAccessAtAnInstantIsAnsweredToAuditorsAndRefusedToDomainTeams() {
        graphQl("dave").document("""
                        { accessAsOf(dataProductId: "sales.orders", at: "2030-01-01T00:00:00Z") { totalCount } }""")
                .execute()
                .path("accessAsOf.totalCount").entity(Integer.class).isEqualTo(0);
        graphQl("bob").document("{ auditEvents { edges { cursor } } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    @Test
    void aCursorThatIsNotOneIsBadRequestOnAfter() {
        graphQl("dave").document("{ auditEvents(after: \"garbage\") { edges { cursor } } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(error.getExtensions().get("fields").toString()).contains("after");
                }));
        graphQl("dave").document("{ accessAsOf(at: \"2030-01-01T00:00:00Z\") { totalCount } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions().get("fields").toString()).contains("dataProductId")));
    }
}
