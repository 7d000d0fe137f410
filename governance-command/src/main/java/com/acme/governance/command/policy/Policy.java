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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A governance policy, versioned: definition is version 1 and every amendment makes the next version, replacing
 * name, scope and rules as a whole. Retirement is final. Only data stewards act on policies.
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
        apply(new PolicyDefined(command.id(), 1, command.name(), command.scope(), command.rules()));
    }

    @CommandHandler
    public long handle(AmendPolicy command, Actor actor) {
        StewardOnly.require(actor);
        requireActive("amend");
        apply(new PolicyAmended(id, version + 1, command.name(), command.scope(), command.rules(), command.rationale()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RetirePolicy command, Actor actor) {
        StewardOnly.require(actor);
        requireActive("retire");
        apply(new PolicyRetired(id, version, command.reason()));
        return AggregateLifecycle.getVersion();
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
