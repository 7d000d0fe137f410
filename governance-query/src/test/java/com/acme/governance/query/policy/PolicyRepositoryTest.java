package com.acme.governance.query.policy;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.policy.ListPolicies;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.PolicyStatus;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.support.InMemoryMongo;
import com.acme.governance.query.support.PolicyStream;
import com.acme.governance.query.support.TestJson;
import com.acme.governance.query.web.PageView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.acme.governance.query.support.PolicyStream.START;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads over one populated read model; the tests only read, so they share it. */
class PolicyRepositoryTest {

    private static InMemoryMongo mongo;
    private static PolicyRepository repository;

    @BeforeAll
    static void populate() {
        mongo = InMemoryMongo.start();
        var database = mongo.freshDatabase();
        var projection = new PolicyProjection(database, new EventPayloads(TestJson.MAPPER));
        // retired, last scoped to sales
        PolicyStream.fullLifecycle("confidential-data").forEach(projection::apply);
        PolicyStream.of("sales-pii", START.plusSeconds(60))
                .defined("Sales personal data", new PolicyScope("sales"), List.of(PolicyStream.PII)).events()
                .forEach(projection::apply);
        PolicyStream.of("restricted-everywhere", START.plusSeconds(120))
                .defined().events().forEach(projection::apply);
        PolicyStream.of("marketing-spend", START.plusSeconds(180))
                .defined("Marketing spend", new PolicyScope("marketing"), List.of(PolicyStream.CONFIDENTIAL))
                .amended("scope moved to sales").events().forEach(projection::apply);
        repository = new PolicyRepository(database);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void findsTheCurrentStateWithEveryField() {
        PolicyView policy = repository.find("confidential-data").orElseThrow();

        assertThat(policy.id()).isEqualTo("confidential-data");
        assertThat(policy.name()).isEqualTo("Confidential and personal data");
        assertThat(policy.scope()).isEqualTo(new PolicyScope("sales"));
        assertThat(policy.rules()).containsExactly(PolicyStream.CONFIDENTIAL, PolicyStream.PII);
        assertThat(policy.rules().get(0).when().classifications())
                .containsExactly(Classification.CONFIDENTIAL, Classification.RESTRICTED);
        assertThat(policy.rules().get(0).then().requiredApprovals()).containsExactly(ApprovalRole.OWNER, ApprovalRole.STEWARD);
        assertThat(policy.version()).isEqualTo(2);
        assertThat(policy.status()).isEqualTo(PolicyStatus.RETIRED);
        assertThat(policy.definedAt()).isEqualTo(START);
        assertThat(policy.definedBy()).isEqualTo("carol");
        assertThat(policy.amendedAt()).isEqualTo(START.plusSeconds(1));
        assertThat(policy.amendedBy()).isEqualTo("carol");
        assertThat(policy.retiredAt()).isEqualTo(START.plusSeconds(2));
        assertThat(policy.retiredBy()).isEqualTo("carol");
        assertThat(policy.retirementReason()).isEqualTo("superseded by data-classification");
        assertThat(policy.updatedAt()).isEqualTo(START.plusSeconds(2));
    }

    @Test
    void aGlobalPolicyHasAScopeWithoutDomain() {
        PolicyView policy = repository.find("restricted-everywhere").orElseThrow();

        assertThat(policy.scope()).isEqualTo(PolicyScope.global());
        assertThat(policy.version()).isEqualTo(1);
        assertThat(policy.status()).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(policy.amendedAt()).isNull();
        assertThat(policy.retiredAt()).isNull();
    }

    @Test
    void anUnknownIdIsEmpty() {
        assertThat(repository.find("nothing-here")).isEmpty();
        assertThat(repository.exists("nothing-here")).isFalse();
        assertThat(repository.exists("sales-pii")).isTrue();
        assertThat(repository.versionsOf("nothing-here")).isEmpty();
    }

    @Test
    void versionsAreListedOldestFirstAsTheyWereDecided() {
        List<PolicyVersionView> versions = repository.versionsOf("confidential-data");

        assertThat(versions).extracting(PolicyVersionView::version).containsExactly(1, 2);
        PolicyVersionView first = versions.get(0);
        assertThat(first.policyId()).isEqualTo("confidential-data");
        assertThat(first.name()).isEqualTo("Confidential data");
        assertThat(first.scope()).isEqualTo(PolicyScope.global());
        assertThat(first.rules()).containsExactly(PolicyStream.CONFIDENTIAL);
        assertThat(first.rationale()).isNull();
        assertThat(first.decidedBy()).isEqualTo("carol");
        assertThat(first.decidedAt()).isEqualTo(START);
        PolicyVersionView second = versions.get(1);
        assertThat(second.rules()).containsExactly(PolicyStream.CONFIDENTIAL, PolicyStream.PII);
        assertThat(second.rationale()).isEqualTo("pii needs a shorter grant");
        assertThat(second.decidedAt()).isEqualTo(START.plusSeconds(1));
    }

    @Test
    void withoutFiltersListsEveryPolicyInIdOrder() {
        PageView<PolicyView> page = repository.search(new ListPolicies(null, null, 0, 20));

        assertThat(ids(page)).containsExactly("confidential-data", "marketing-spend", "restricted-everywhere", "sales-pii");
        assertThat(page.total()).isEqualTo(4);
    }

    @Test
    void filtersByStatusAndScopeDomainCombine() {
        assertThat(ids(repository.search(new ListPolicies(PolicyStatus.ACTIVE, null, 0, 20))))
                .containsExactly("marketing-spend", "restricted-everywhere", "sales-pii");
        assertThat(ids(repository.search(new ListPolicies(PolicyStatus.RETIRED, null, 0, 20))))
                .containsExactly("confidential-data");
        assertThat(ids(repository.search(new ListPolicies(null, "sales", 0, 20))))
                .containsExactly("confidential-data", "marketing-spend", "sales-pii");
        assertThat(ids(repository.search(new ListPolicies(PolicyStatus.ACTIVE, "sales", 0, 20))))
                .containsExactly("marketing-spend", "sales-pii");
        assertThat(ids(repository.search(new ListPolicies(null, "marketing", 0, 20)))).isEmpty();
    }

    @Test
    void pagesAreSlicesOfTheSameOrderWithTheTotalOfAllMatches() {
        PageView<PolicyView> second = repository.search(new ListPolicies(null, null, 1, 3));

        assertThat(ids(second)).containsExactly("sales-pii");
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(3);
    }

    private static List<String> ids(PageView<PolicyView> page) {
        return page.items().stream().map(PolicyView::id).toList();
    }
}
