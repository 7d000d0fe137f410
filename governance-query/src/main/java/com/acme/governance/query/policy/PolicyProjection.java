package com.acme.governance.query.policy;

import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyRetired;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.PolicyStatus;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.EventHandlers;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IdempotentInsert;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Projects the policy events into {@code policies} (the current state) and {@code policy_versions} (every version
 * as it was decided). The current state is written first in every case: its event count refuses a gap before
 * anything is written, and a retry after a failed version insert finds the change applied and inserts the version.
 * The current state is what {@link PolicyFold} folds (compared in {@code PolicyFoldTest}).
 */
@Component("queryPolicyProjection")
public class PolicyProjection implements Projection {

    /** {@code ce_aggregatetype} of policy events. */
    public static final String AGGREGATE_TYPE = "Policy";
    public static final String POLICIES = "policies";
    public static final String VERSIONS = "policy_versions";
    /** Events applied to a policy's document: unlike its version, retirement counts too. */
    static final String EVENT_COUNT = "eventCount";

    private final SequencedDocuments<PolicyView> policies;
    private final MongoCollection<PolicyVersionView> versions;
    private final EventHandlers handlers;

    public PolicyProjection(ReadModelDatabase database, EventPayloads payloads) {
        // A policy's version is not its event count (retirement makes no version), so the count has a field of its own.
        this.policies = new SequencedDocuments<>(policiesIn(database), EVENT_COUNT);
        this.versions = versionsIn(database);
        this.handlers = EventHandlers.with(payloads)
                .on(PolicyDefined.class, this::on)
                .on(PolicyAmended.class, this::on)
                .on(PolicyRetired.class, this::on)
                // Unknown to this version, yet it counts: without it, the policy's next event would look like a gap.
                .onUnknown(AGGREGATE_TYPE, policies::count)
                .build();
    }

    static MongoCollection<PolicyView> policiesIn(ReadModelDatabase database) {
        return database.collection(POLICIES, PolicyView.class);
    }

    static MongoCollection<PolicyVersionView> versionsIn(ReadModelDatabase database) {
        return database.collection(VERSIONS, PolicyVersionView.class);
    }

    @Override
    public boolean writesInBatches() {
        return true;
    }

    @Override
    public void apply(IncomingEvent event) {
        handlers.handle(event);
    }

    private void on(IncomingEvent event, PolicyDefined defined) {
        policies.create(event, PolicyFold.defined(event, defined));
        recordVersion(event, defined.version(), defined.name(), defined.scope(), defined.rules(), null);
    }

    private void on(IncomingEvent event, PolicyAmended amended) {
        policies.change(event, Updates.combine(
                Updates.set("name", amended.name()),
                Updates.set("scope", scope(amended.scope())),
                Updates.set("rules", orEmpty(amended.rules())),
                Updates.set("version", amended.version()),
                Updates.set("amendedAt", event.time()),
                Updates.set("amendedBy", event.principal())));
        recordVersion(event, amended.version(), amended.name(), amended.scope(), amended.rules(), amended.rationale());
    }

    private void on(IncomingEvent event, PolicyRetired retired) {
        policies.change(event, Updates.combine(
                Updates.set("status", PolicyStatus.RETIRED),
                Updates.set("retiredAt", event.time()),
                Updates.set("retiredBy", event.principal()),
                Updates.set("retirementReason", retired.reason())));
    }

    /** A version is decided once and never changes: keyed by policy and version, a redelivery is a duplicate. */
    private void recordVersion(IncomingEvent event, int version, String name, PolicyScope scope, List<PolicyRule> rules,
                               String rationale) {
        IdempotentInsert.insertIfAbsent(versions, new PolicyVersionView(
                PolicyVersionView.idOf(event.aggregateId(), version), event.aggregateId(), version, name, scope(scope),
                orEmpty(rules), rationale, event.principal(), event.time()));
    }

    private static PolicyScope scope(PolicyScope scope) {
        return PolicyFold.scope(scope);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return PolicyFold.orEmpty(list);
    }
}
