package com.acme.governance.query.policy;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.RuleCondition;
import com.acme.governance.api.policy.RuleOutcome;
import org.bson.Document;

import java.util.List;

import static com.acme.governance.query.policy.PolicyFields.*;

/**
 * A policy's scope and rules as stored, both ways. Sub-documents in the contract's JSON shape rather than JSON
 * text: their keys are fixed names and their values validated patterns, so nothing in them can read as an operator.
 */
final class PolicyDocuments {

    private PolicyDocuments() {
    }

    static Document scope(PolicyScope scope) {
        return new Document(SCOPE_DOMAIN, scope == null ? null : scope.domain());
    }

    static PolicyScope scopeOf(Document scope) {
        return new PolicyScope(scope == null ? null : scope.getString(SCOPE_DOMAIN));
    }

    static List<Document> rules(List<PolicyRule> rules) {
        return (rules == null ? List.<PolicyRule>of() : rules).stream().map(PolicyDocuments::rule).toList();
    }

    static List<PolicyRule> rulesOf(List<Document> rules) {
        return rules.stream().map(PolicyDocuments::ruleOf).toList();
    }

    private static Document rule(PolicyRule rule) {
        return new Document()
                .append(WHEN, new Document()
                        .append(CLASSIFICATIONS, rule.when().classifications().stream().map(Enum::name).toList())
                        .append(TAGS, rule.when().tags()))
                .append(THEN, new Document()
                        .append(REQUIRED_APPROVALS, rule.then().requiredApprovals().stream().map(Enum::name).toList())
                        .append(MAX_GRANT_DAYS, rule.then().maxGrantDays())
                        .append(PURPOSE_REQUIRED, rule.then().purposeRequired()));
    }

    private static PolicyRule ruleOf(Document rule) {
        Document when = rule.get(WHEN, Document.class);
        Document then = rule.get(THEN, Document.class);
        return new PolicyRule(
                new RuleCondition(
                        when.getList(CLASSIFICATIONS, String.class, List.of()).stream().map(Classification::valueOf).toList(),
                        when.getList(TAGS, String.class, List.of())),
                new RuleOutcome(
                        then.getList(REQUIRED_APPROVALS, String.class, List.of()).stream().map(ApprovalRole::valueOf).toList(),
                        then.get(MAX_GRANT_DAYS, Number.class).intValue(),
                        then.getBoolean(PURPOSE_REQUIRED, false)));
    }
}
