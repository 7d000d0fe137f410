package com.acme.governance.command.policy;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.policy.AmendPolicy;
import com.acme.governance.api.policy.DefinePolicy;
import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyRetired;
import com.acme.governance.api.policy.PolicyStatus;
import com.acme.governance.api.policy.RetirePolicy;
import com.acme.governance.command.common.IllegalTransitionException;
import com.acme.governance.command.common.VersionMismatchException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A governance policy, versioned: definition is version 1 and every amendment makes the next version, replacing
 * name, scope and rules as a whole. Retirement is final. Only data stewards act on policies. A change may name the
 * event count it was decided on (its ETag), which must then still be current.
 */
@Aggregate(cache = "commandAggregateCache")
public class Policy {

    @AggregateIdentifier
    private String id;
    private int version;
    private PolicyStatus status;

    protected Policy() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Policy(DefinePolicy command, Actor actor) {
        StewardOnly.require(actor);
        apply(new PolicyDefined(command.id().value(), 1, command.name(), command.scope(), command.rules()));
    }

    @CommandHandler
    public long handle(AmendPolicy command, Actor actor) {
        StewardOnly.require(actor);
        requireActive("amend");
        requireVersion(command.expectedVersion());
        apply(new PolicyAmended(id, version + 1, command.name(), command.scope(), command.rules(), command.rationale()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RetirePolicy command, Actor actor) {
        StewardOnly.require(actor);
        requireActive("retire");
        requireVersion(command.expectedVersion());
        apply(new PolicyRetired(id, version, command.reason()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * The client's ETag against this aggregate's own state, when the command runs: of concurrent changes from one
     * version, the first appends and the others, retried on fresh state after losing the race on the event store's
     * unique index (ConflictRetry), fail here. The ETag is the event count rather than the policy's version, so that
     * retirement changes it too (ADR 0010).
     */
    private void requireVersion(Long expectedVersion) {
        long current = AggregateLifecycle.getVersion() + 1;
        if (expectedVersion != null && expectedVersion != current) {
            throw new VersionMismatchException(id, expectedVersion, current);
        }
    }

    private void requireActive(String decision) {
        if (status != PolicyStatus.ACTIVE) {
            throw new IllegalTransitionException("cannot " + decision + " policy " + id + ": it is retired, which is final");
        }
    }

    @EventSourcingHandler
    void on(PolicyDefined event) {
        id = event.id();
        version = event.version();
        status = PolicyStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(PolicyAmended event) {
        version = event.version();
    }

    @EventSourcingHandler
    void on(PolicyRetired event) {
        status = PolicyStatus.RETIRED;
    }
}
