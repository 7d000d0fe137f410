package com.acme.governance.command.policy.catalog;

import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyRetired;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.PolicyStatus;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;

/**
 * Keeps {@link PolicyCatalog} from the policy events, in a tracking processor: it survives restarts and catches up.
 * Idempotent: each document remembers the sequence number of the last event applied and older events are ignored.
 */
@ProcessingGroup(PolicyCatalogProjection.PROCESSING_GROUP)
public class PolicyCatalogProjection {

    public static final String PROCESSING_GROUP = "command-policy-catalog";

    private final PolicyCatalog catalog;

    public PolicyCatalogProjection(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(PolicyDefined event, @SequenceNumber long sequence) {
        replace(event.id(), sequence, event.version(), event.scope(), event.rules());
    }

    @EventHandler
    void on(PolicyAmended event, @SequenceNumber long sequence) {
        replace(event.id(), sequence, event.version(), event.scope(), event.rules());
    }

    /**
     * Upserts, so that a retirement seen before the policy's earlier events (possible with several command
     * instances, ADR 0002) leaves a tombstone that those earlier events cannot revive.
     */
    @EventHandler
    void on(PolicyRetired event, @SequenceNumber long sequence) {
        try {
            catalog.collection().updateOne(newerThanStored(event.id(), sequence),
                    Updates.combine(Updates.set(PolicyCatalog.STATUS, PolicyStatus.RETIRED.name()),
                            Updates.set(PolicyCatalog.SEQUENCE, sequence)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            alreadyApplied(e);
        }
    }

    private void replace(String id, long sequence, int version, PolicyScope scope, List<PolicyRule> rules) {
        Document policy = new Document(PolicyCatalog.ID, id)
                .append(PolicyCatalog.SEQUENCE, sequence)
                .append(PolicyCatalog.VERSION, version)
                .append(PolicyCatalog.STATUS, PolicyStatus.ACTIVE.name())
                .append(PolicyCatalog.SCOPE_DOMAIN, scope.domain())
                .append(PolicyCatalog.RULES, catalog.rulesJson(rules));
        try {
            catalog.collection().replaceOne(newerThanStored(id, sequence), policy, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            alreadyApplied(e);
        }
    }

    /** The document exists at this sequence or later: the event, or a later one, was applied already. */
    private static void alreadyApplied(MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            throw e;
        }
    }

    private static Bson newerThanStored(String id, long sequence) {
        return Filters.and(Filters.eq(PolicyCatalog.ID, id), Filters.lt(PolicyCatalog.SEQUENCE, sequence));
    }
}
