package com.acme.governance.command.policy.catalog;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyRetired;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.RuleCondition;
import com.acme.governance.api.policy.RuleOutcome;
import com.acme.governance.command.policy.CatalogPolicy;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog ends up at each policy's latest event, whatever order and however often the events arrive. */
class PolicyCatalogProjectionTest {

    private static final List<PolicyRule> THIRTY_DAYS = rules(30);
    private static final List<PolicyRule> FOURTEEN_DAYS = rules(14);

    private MongoServer server;
    private MongoClient client;
    private PolicyCatalog catalog;
    private PolicyCatalogProjection projection;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        catalog = new PolicyCatalog(client.getDatabase("events").getCollection("policy_catalog"), new ObjectMapper());
        projection = new PolicyCatalogProjection(catalog);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void amendmentReplacesTheRulesAndIsNotUndoneByAReplay() {
        projection.on(defined(), 0);
        projection.on(amended(), 1);
        projection.on(defined(), 0);
        projection.on(amended(), 1);

        assertThat(catalog.activePolicies()).containsExactly(
                new CatalogPolicy("confidential-data", 2, PolicyScope.global(), FOURTEEN_DAYS));
        assertThat(catalog.awaitApplied("confidential-data", 1, Duration.ZERO)).isTrue();
    }

    @Test
    void retirementSeenBeforeTheDefinitionIsNotRevivedByIt() {
        projection.on(new PolicyRetired("confidential-data", 1, "superseded"), 1);
        projection.on(defined(), 0);

        assertThat(catalog.activePolicies()).isEmpty();
    }

    @Test
    void retiredPolicyNoLongerApplies() {
        projection.on(defined(), 0);
        projection.on(new PolicyRetired("confidential-data", 1, "superseded"), 1);

        assertThat(catalog.activePolicies()).isEmpty();
    }

    private static PolicyDefined defined() {
        return new PolicyDefined("confidential-data", 1, "Confidential data", PolicyScope.global(), THIRTY_DAYS);
    }

    private static PolicyAmended amended() {
        return new PolicyAmended("confidential-data", 2, "Confidential data", PolicyScope.global(), FOURTEEN_DAYS,
                "two weeks are enough");
    }

    private static List<PolicyRule> rules(int days) {
        return List.of(new PolicyRule(new RuleCondition(List.of(Classification.CONFIDENTIAL), List.of()),
                new RuleOutcome(List.of(ApprovalRole.OWNER, ApprovalRole.STEWARD), days, true)));
    }
}
