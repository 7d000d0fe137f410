package com.acme.governance.query.policy;

import com.acme.governance.api.policy.PolicyStatus;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static com.acme.governance.query.policy.PolicyFields.*;

/** Turns {@code policies} and {@code policy_versions} documents into the views clients see. */
final class PolicyViewMapper {

    private PolicyViewMapper() {
    }

    static PolicyView toView(Document document) {
        return new PolicyView(
                document.getString(ID),
                document.getString(NAME),
                PolicyDocuments.scopeOf(document.get(SCOPE, Document.class)),
                PolicyDocuments.rulesOf(document.getList(RULES, Document.class, List.of())),
                document.get(VERSION, Number.class).intValue(),
                document.get(EVENT_COUNT, Number.class).longValue(),
                PolicyStatus.valueOf(document.getString(STATUS)),
                instant(document.getDate(DEFINED_AT)),
                document.getString(DEFINED_BY),
                instant(document.getDate(AMENDED_AT)),
                document.getString(AMENDED_BY),
                instant(document.getDate(RETIRED_AT)),
                document.getString(RETIRED_BY),
                document.getString(RETIREMENT_REASON),
                instant(document.getDate(UPDATED_AT)));
    }

    static PolicyVersionView toVersionView(Document document) {
        return new PolicyVersionView(
                document.getString(POLICY_ID),
                document.get(VERSION, Number.class).intValue(),
                document.getString(NAME),
                PolicyDocuments.scopeOf(document.get(SCOPE, Document.class)),
                PolicyDocuments.rulesOf(document.getList(RULES, Document.class, List.of())),
                document.getString(RATIONALE),
                document.getString(DECIDED_BY),
                instant(document.getDate(DECIDED_AT)));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
