package com.acme.governance.api.audit;

import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessRequestApproved;
import com.acme.governance.api.access.AccessRequestRejected;
import com.acme.governance.api.access.AccessRequestWithdrawn;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyRetired;
import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event of the published language, and its CloudEvents type. Consumers resolve {@code ce_type} here;
 * a type that is not listed is not part of the contract.
 */
public final class EventCatalog {

    private static final List<Class<?>> EVENTS = List.of(
            DataProductRegistered.class,
            DataProductUpdated.class,
            ContractVersionPublished.class,
            DataProductPublished.class,
            DataProductDeprecated.class,
            DataProductRetired.class,
            PolicyDefined.class,
            PolicyAmended.class,
            PolicyRetired.class,
            AccessRequested.class,
            AccessRequestApproved.class,
            AccessRequestRejected.class,
            AccessRequestWithdrawn.class,
            AccessGranted.class,
            AccessGrantRevoked.class,
            AccessGrantExpired.class,
            AuditDigestIssued.class);

    private static final Map<String, Class<?>> BY_TYPE = EVENTS.stream()
            .collect(Collectors.toUnmodifiableMap(EventCatalog::typeOf, Function.identity()));

    private EventCatalog() {
    }

    public static List<Class<?>> events() {
        return EVENTS;
    }

    /** The CloudEvents type of an event class, e.g. {@code governance.dataproduct.registered.v1}. */
    public static String typeOf(Class<?> eventClass) {
        EventType name = eventClass.getAnnotation(EventType.class);
        Revision revision = eventClass.getAnnotation(Revision.class);
        if (name == null || revision == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a published event");
        }
        return name.value() + ".v" + revision.value();
    }

    public static Optional<Class<?>> classOf(String cloudEventType) {
        return Optional.ofNullable(BY_TYPE.get(cloudEventType));
    }
}
