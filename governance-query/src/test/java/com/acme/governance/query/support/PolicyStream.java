package com.acme.governance.query.support;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyRetired;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.RuleCondition;
import com.acme.governance.api.policy.RuleOutcome;
import com.acme.governance.query.ingestion.IncomingEvent;

import java.time.Instant;
import java.util.List;

/** Builds one policy's event stream as the relay would deliver it (see {@link EventChain}); carol, a steward, decides. */
public final class PolicyStream {

    public static final Instant START = Instant.parse("2026-02-01T08:00:00.250Z");

    /** Confidential or restricted data needs its owner and a steward, for at most 30 days, with a purpose. */
    public static final PolicyRule CONFIDENTIAL = new PolicyRule(
            new RuleCondition(List.of(Classification.CONFIDENTIAL, Classification.RESTRICTED), List.of()),
            new RuleOutcome(List.of(ApprovalRole.OWNER, ApprovalRole.STEWARD), 30, true));
    /** Anything tagged pii: its owner, at most 14 days, with a purpose. */
    public static final PolicyRule PII = new PolicyRule(
            new RuleCondition(List.of(), List.of("pii", "gdpr")),
            new RuleOutcome(List.of(ApprovalRole.OWNER), 14, true));

    private static final List<String> STEWARD = List.of("STEWARD");

    private final String id;
    private final EventChain chain;
    private int version;

    private PolicyStream(String id, Instant start) {
        this.id = id;
        this.chain = new EventChain(id, "Policy", start);
    }

    public static PolicyStream of(String id) {
        return new PolicyStream(id, START);
    }

    public static PolicyStream of(String id, Instant start) {
        return new PolicyStream(id, start);
    }

    /** defined, amended, retired: every policy event type. */
    public static List<IncomingEvent> fullLifecycle(String id) {
        return of(id).defined().amended("pii needs a shorter grant").retired("superseded by data-classification").events();
    }

    /** A global policy with the {@link #CONFIDENTIAL} rule. */
    public PolicyStream defined() {
        return defined("Confidential data", PolicyScope.global(), List.of(CONFIDENTIAL));
    }

    public PolicyStream defined(String name, PolicyScope scope, List<PolicyRule> rules) {
        version = 1;
        chain.append(new PolicyDefined(id, version, name, scope, rules), "carol", List.of(), STEWARD);
        return this;
    }

    /** Scoped to sales, with both rules. */
    public PolicyStream amended(String rationale) {
        version++;
        chain.append(new PolicyAmended(id, version, "Confidential and personal data", new PolicyScope("sales"),
                List.of(CONFIDENTIAL, PII), rationale), "carol", List.of(), STEWARD);
        return this;
    }

    public PolicyStream retired(String reason) {
        chain.append(new PolicyRetired(id, version, reason), "carol", List.of(), STEWARD);
        return this;
    }

    /** An event type this version of the query side does not know, e.g. from a newer command side. */
    public PolicyStream unknown(String type) {
        chain.append(type, TestJson.MAPPER.createObjectNode().put("id", id).put("novelty", true), "carol", List.of(),
                STEWARD);
        return this;
    }

    public List<IncomingEvent> events() {
        return chain.events();
    }

    public IncomingEvent last() {
        return chain.last();
    }
}
