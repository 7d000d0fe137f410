package com.acme.governance.command.policy.catalog;

import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.PolicyStatus;
import com.acme.governance.command.policy.CatalogPolicy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The command side's own view of every policy, kept by {@link PolicyCatalogProjection} in MongoDB so that every
 * command instance shares it. Access decisions read the active policies from here (ADR 0006).
 */
public class PolicyCatalog {

    static final String ID = "_id";
    static final String SEQUENCE = "sequence";
    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String SCOPE_DOMAIN = "scopeDomain";
    static final String RULES = "rules";

    private static final TypeReference<List<PolicyRule>> RULE_LIST = new TypeReference<>() {
    };

    private final MongoCollection<Document> policies;
    private final ObjectMapper objectMapper;

    public PolicyCatalog(MongoCollection<Document> policies, ObjectMapper objectMapper) {
        this.policies = policies;
        this.objectMapper = objectMapper;
    }

    public List<CatalogPolicy> activePolicies() {
        List<CatalogPolicy> active = new ArrayList<>();
        for (Document policy : policies.find(Filters.eq(STATUS, PolicyStatus.ACTIVE.name()))) {
            active.add(new CatalogPolicy(policy.getString(ID), policy.getInteger(VERSION),
                    new PolicyScope(policy.getString(SCOPE_DOMAIN)), rules(policy.getString(RULES))));
        }
        return active;
    }

    /**
     * Waits, bounded, until the catalog has applied the policy's event at {@code sequence}: a steward who was told a
     * policy changed can rely on the next access request seeing that change, on any instance.
     */
    public boolean awaitApplied(String policyId, long sequence, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Document policy = policies.find(Filters.eq(ID, policyId)).first();
            if (policy != null && policy.get(SEQUENCE, Number.class).longValue() >= sequence) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    String rulesJson(List<PolicyRule> rules) {
        try {
            return objectMapper.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<PolicyRule> rules(String json) {
        try {
            return objectMapper.readValue(json, RULE_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy catalog holds unreadable rules", e);
        }
    }

    MongoCollection<Document> collection() {
        return policies;
    }
}
