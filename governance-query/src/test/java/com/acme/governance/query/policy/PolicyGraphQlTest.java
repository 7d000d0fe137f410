package com.acme.governance.query.policy;

import com.acme.governance.query.support.QueryGraphQlTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The policies through {@code /graphql}. */
class PolicyGraphQlTest extends QueryGraphQlTest {

    @Test
    void aPolicyReadsWithItsVersionsAndTheEtagThatChangesIt() {
        graphQl("carol").document("""
                        { policy(id: "confidential-data") { id status version etag
                            rules { when { classifications } then { requiredApprovals maxGrantDays } }
                            versions { version rationale } } }""")
                .execute()
                .path("policy.id").entity(String.class).isEqualTo(POLICY)
                .path("policy.status").entity(String.class).isEqualTo("RETIRED")
                .path("policy.version").entity(Integer.class).isEqualTo(2)
                .path("policy.etag").entity(Integer.class).isEqualTo(3)
                .path("policy.versions[*].version").entityList(Integer.class).containsExactly(1, 2);
    }

    @Test
    void theListFiltersAsRestAndReadsEveryPolicysVersionsInOneRead() {
        MONGO_FINDS.reset();

        graphQl("alice").document("""
                        { policies(first: 10) { totalCount edges { node { id versions { version } } } } }""")
                .execute()
                .path("policies.totalCount").entity(Integer.class).isEqualTo(2)
                .path("policies.edges[*].node.id").entityList(String.class).containsExactly(POLICY, SALES_PII);

        assertThat(MONGO_FINDS.of("policy_versions")).as("one read for both policies' versions").isEqualTo(1);
        graphQl("alice").document("{ policies(filter: {status: ACTIVE, domain: \"sales\"}) { totalCount } }")
                .execute()
                .path("policies.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aPolicyAsItStoodBeforeItWasDefinedIsNotFound() {
        graphQl("dave").document("{ policy(id: \"confidential-data\", asOf: \"2000-01-01T00:00:00Z\") { id } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND")))
                .path("policy").valueIsNull();
    }
}
