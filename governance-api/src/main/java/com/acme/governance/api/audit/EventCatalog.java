package com.acme.governance.api.audit;

import com.acme.governance.api.access.AccessDeprovisioned;
import com.acme.governance.api.access.AccessDriftDetected;
import com.acme.governance.api.access.AccessDriftRepaired;
import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessProvisioned;
import com.acme.governance.api.access.ProvisioningFailed;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessRequestApproved;
import com.acme.governance.api.access.AccessRequestRejected;
import com.acme.governance.api.access.AccessRequestWithdrawn;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.api.dataproduct.CompatibilityModeChanged;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyRetired;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every event of the published language, and its CloudEvents type. Consumers resolve {@code ce_type} here;
 * a type that is not listed is not part of the contract. Besides the current revision of each event, it lists the
 * revisions it superseded that are still stored and published as they were sealed ({@link #upcasts()}), with the
 * one transform that reads each as its successor: the command side's Axon upcaster and the query side apply the same
 * one (adr/0027).
 */
public final class EventCatalog {

    private static final List<Class<?>> EVENTS = List.of(
            DataProductRegistered.class,
            DataProductUpdated.class,
            ContractVersionPublished.class,
            DataProductPublished.class,
            DataProductDeprecated.class,
            DataProductRetired.class,
            CompatibilityModeChanged.class,
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
            AccessProvisioned.class,
            AccessDeprovisioned.class,
            ProvisioningFailed.class,
            AccessDriftRepaired.class,
            AccessDriftDetected.class,
            AuditDigestIssued.class);

    /** Revisions no longer written, oldest first per event; each reads as its successor. */
    private static final List<Upcast> UPCASTS = List.of(
            new Upcast(DataProductDeprecated.class, "1", "2", DataProductDeprecated::fromRevision1),
            new Upcast(DataProductRegistered.class, "1", "2", DataProductRegistered::fromRevision1),
            new Upcast(ContractVersionPublished.class, "1", "2", ContractVersionPublished::fromRevision1));

    private static final Map<String, Class<?>> BY_TYPE = byType();
    private static final Map<String, Upcast> UPCAST_BY_TYPE = upcastByType();

    /**
     * How the payload JSON of one superseded revision of an event reads as the next revision.
     *
     * @param toNext returns a new node and leaves its argument as it is
     */
    public record Upcast(Class<?> eventClass, String fromRevision, String toRevision, UnaryOperator<JsonNode> toNext) {

        /** The CloudEvents type of the superseded revision, e.g. {@code governance.dataproduct.deprecated.v1}. */
        public String fromType() {
            return typeOf(eventClass, fromRevision);
        }

        public String toType() {
            return typeOf(eventClass, toRevision);
        }
    }

    private EventCatalog() {
    }

    public static List<Class<?>> events() {
        return EVENTS;
    }

    /** The superseded revisions, each with the transform that reads it as its successor. */
    public static List<Upcast> upcasts() {
        return UPCASTS;
    }

    /** The CloudEvents type of an event class's current revision, e.g. {@code governance.dataproduct.registered.v1}. */
    public static String typeOf(Class<?> eventClass) {
        Revision revision = eventClass.getAnnotation(Revision.class);
        if (revision == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a published event");
        }
        return typeOf(eventClass, revision.value());
    }

    /**
     * The CloudEvents type of one revision of an event class, as it was stored: what the relay publishes and the hash
     * chain covers, whatever the class's current revision.
     */
    public static String typeOf(Class<?> eventClass, String revision) {
        EventType name = eventClass.getAnnotation(EventType.class);
        if (name == null || revision == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a published event");
        }
        return name.value() + ".v" + revision;
    }

    /** The record class of a type, current or superseded; a superseded one's payload reads through {@link #toCurrentRevision}. */
    public static Optional<Class<?>> classOf(String cloudEventType) {
        return Optional.ofNullable(BY_TYPE.get(cloudEventType));
    }

    /** The payload of an event of {@code cloudEventType} as the current revision of its class reads it. */
    public static JsonNode toCurrentRevision(String cloudEventType, JsonNode payload) {
        String type = cloudEventType;
        JsonNode current = payload;
        for (Upcast upcast = UPCAST_BY_TYPE.get(type); upcast != null; upcast = UPCAST_BY_TYPE.get(type)) {
            current = upcast.toNext().apply(current);
            type = upcast.toType();
        }
        return current;
    }

    private static Map<String, Class<?>> byType() {
        Map<String, Class<?>> byType = new HashMap<>();
        EVENTS.forEach(event -> byType.put(typeOf(event), event));
        UPCASTS.forEach(upcast -> byType.put(upcast.fromType(), upcast.eventClass()));
        return Map.copyOf(byType);
    }

    private static Map<String, Upcast> upcastByType() {
        Map<String, Upcast> byType = new HashMap<>();
        UPCASTS.forEach(upcast -> byType.put(upcast.fromType(), upcast));
        return Map.copyOf(byType);
    }
}
