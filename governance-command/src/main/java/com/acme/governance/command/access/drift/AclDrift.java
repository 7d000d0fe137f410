package com.acme.governance.command.access.drift;

import com.acme.governance.api.access.AccessDriftDetected;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Access on the managed cluster that governance did not decide, as the history records it: one aggregate,
 * {@link RecordAclDrift#LEDGER}, opened by the first drift found. A finding is recorded when it differs from the last
 * one recorded (new unexpected bindings, some gone, all gone), so a reconciler running every few minutes does not
 * repeat the same drift in the history.
 */
@Aggregate
public class AclDrift {

    @AggregateIdentifier
    private String id;
    private Set<String> recorded = Set.of();

    protected AclDrift() {
        // for Axon's event sourcing, and for the first finding, which opens the ledger
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordAclDrift command) {
        Set<String> found = new TreeSet<>(command.unexpected());
        boolean firstAndClean = id == null && found.isEmpty();
        if (!firstAndClean && (!found.equals(recorded) || command.removed() && !found.isEmpty())) {
            apply(new AccessDriftDetected(List.copyOf(found), command.removed()));
        }
        return id == null ? -1 : AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(AccessDriftDetected event) {
        id = RecordAclDrift.LEDGER;
        recorded = event.removed() ? Set.of() : Set.copyOf(event.unexpected());
    }
}
