package com.acme.governance.query.policy;

import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyRetired;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.PolicyStatus;
import com.acme.governance.query.ingestion.IncomingEvent;

import java.util.List;

/**
 * A policy's state as its events make it, one event at a time and without a database: how {@code ?asOf=} rebuilds a
 * policy from the event log. The projection writes the same with update operators and builds the first document
 * here; {@code PolicyFoldTest} folds and projects the same histories and compares them.
 */
public final class PolicyFold {

    private PolicyFold() {
    }

    /** The policy as its definition makes it: active, at its version, one event counted. */
    static PolicyView defined(IncomingEvent event, PolicyDefined defined) {
        return new PolicyView(event.aggregateId(), defined.name(), scope(defined.scope()), orEmpty(defined.rules()),
                defined.version(), 1, PolicyStatus.ACTIVE, event.time(), event.principal(), null, null, null, null,
                null, event.time());
    }

    /**
     * @param before  the policy before the event; null before its first one
     * @param payload the event read as its class; null for a type this version does not know, which still counts
     * @return the policy after the event; every later event adds one to its event count and stamps its time
     */
    public static PolicyView apply(PolicyView before, IncomingEvent event, Object payload) {
        if (payload instanceof PolicyDefined defined) {
            return defined(event, defined);
        }
        if (before == null) {
            throw new IllegalStateException(event.describe() + " comes before the policy's definition");
        }
        if (payload instanceof PolicyAmended amended) {
            return new PolicyView(before.id(), amended.name(), scope(amended.scope()), orEmpty(amended.rules()),
                    amended.version(), before.eventCount() + 1, before.status(), before.definedAt(), before.definedBy(),
                    event.time(), event.principal(), before.retiredAt(), before.retiredBy(), before.retirementReason(),
                    event.time());
        }
        if (payload instanceof PolicyRetired retired) {
            return new PolicyView(before.id(), before.name(), before.scope(), before.rules(), before.version(),
                    before.eventCount() + 1, PolicyStatus.RETIRED, before.definedAt(), before.definedBy(),
                    before.amendedAt(), before.amendedBy(), event.time(), event.principal(), retired.reason(),
                    event.time());
        }
        return new PolicyView(before.id(), before.name(), before.scope(), before.rules(), before.version(),
                before.eventCount() + 1, before.status(), before.definedAt(), before.definedBy(), before.amendedAt(),
                before.amendedBy(), before.retiredAt(), before.retiredBy(), before.retirementReason(), event.time());
    }

    /** No scope is the global one, as the contract answers it. */
    static PolicyScope scope(PolicyScope scope) {
        return scope == null ? PolicyScope.global() : scope;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
