package com.acme.governance.query.policy;

import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyRetired;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.PolicyStatus;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IdempotentInsert;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;

import static com.acme.governance.query.policy.PolicyFields.*;

/**
 * Projects the policy events into {@code policies} (the current state) and {@code policy_versions} (every version
 * as it was decided). The current state is written first in every case: its event count refuses a gap before
 * anything is written, and a retry after a failed version insert finds the change applied and inserts the version.
 */
@Component("queryPolicyProjection")
public class PolicyProjection implements Projection {

    /** {@code ce_aggregatetype} of policy events. */
    public static final String AGGREGATE_TYPE = "Policy";

    private final SequencedDocuments policies;
    private final MongoCollection<Document> versions;
    private final EventPayloads payloads;

    public PolicyProjection(ReadModelDatabase database, EventPayloads payloads) {
        // A policy's version is not its event count (retirement makes no version), so the count has a field of its own.
        this.policies = new SequencedDocuments(database.policies(), EVENT_COUNT);
        this.versions = database.policyVersions();
        this.payloads = payloads;
    }

    @Override
    public void apply(IncomingEvent event) {
        if (event.is(PolicyDefined.class)) {
            PolicyDefined defined = payloads.read(event, PolicyDefined.class);
            policies.create(event, defined(event, defined));
            recordVersion(event, defined.version(), defined.name(), defined.scope(), defined.rules(), null);
        } else if (event.is(PolicyAmended.class)) {
            PolicyAmended amended = payloads.read(event, PolicyAmended.class);
            policies.change(event, amended(event, amended));
            recordVersion(event, amended.version(), amended.name(), amended.scope(), amended.rules(), amended.rationale());
        } else if (event.is(PolicyRetired.class)) {
            policies.change(event, retired(event, payloads.read(event, PolicyRetired.class)));
        } else if (!event.isCatalogued() && AGGREGATE_TYPE.equals(event.aggregateType())) {
            // Unknown to this version, yet it counts: without it, the policy's next event would look like a gap.
            policies.change(event, Updates.combine());
        }
    }

    private static Document defined(IncomingEvent event, PolicyDefined defined) {
        return new Document()
                .append(NAME, defined.name())
                .append(SCOPE, PolicyDocuments.scope(defined.scope()))
                .append(RULES, PolicyDocuments.rules(defined.rules()))
                .append(VERSION, defined.version())
                .append(STATUS, PolicyStatus.ACTIVE.name())
                .append(DEFINED_AT, Date.from(event.time()))
                .append(DEFINED_BY, event.principal())
                .append(AMENDED_AT, null)
                .append(AMENDED_BY, null)
                .append(RETIRED_AT, null)
                .append(RETIRED_BY, null)
                .append(RETIREMENT_REASON, null);
    }

    private static Bson amended(IncomingEvent event, PolicyAmended amended) {
        return Updates.combine(
                Updates.set(NAME, amended.name()),
                Updates.set(SCOPE, PolicyDocuments.scope(amended.scope())),
                Updates.set(RULES, PolicyDocuments.rules(amended.rules())),
                Updates.set(VERSION, amended.version()),
                Updates.set(AMENDED_AT, Date.from(event.time())),
                Updates.set(AMENDED_BY, event.principal()));
    }

    private static Bson retired(IncomingEvent event, PolicyRetired retired) {
        return Updates.combine(
                Updates.set(STATUS, PolicyStatus.RETIRED.name()),
                Updates.set(RETIRED_AT, Date.from(event.time())),
                Updates.set(RETIRED_BY, event.principal()),
                Updates.set(RETIREMENT_REASON, retired.reason()));
    }

    /** A version is decided once and never changes: keyed by policy and version, a redelivery is a duplicate. */
    private void recordVersion(IncomingEvent event, int version, String name, PolicyScope scope, List<PolicyRule> rules,
                               String rationale) {
        IdempotentInsert.insertIfAbsent(versions, new Document()
                .append(ID, versionKey(event.aggregateId(), version))
                .append(POLICY_ID, event.aggregateId())
                .append(VERSION, version)
                .append(NAME, name)
                .append(SCOPE, PolicyDocuments.scope(scope))
                .append(RULES, PolicyDocuments.rules(rules))
                .append(RATIONALE, rationale)
                .append(DECIDED_BY, event.principal())
                .append(DECIDED_AT, Date.from(event.time())));
    }
}
