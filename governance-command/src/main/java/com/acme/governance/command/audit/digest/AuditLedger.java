package com.acme.governance.command.audit.digest;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.audit.AuditDigestIssued;
import com.acme.governance.api.audit.IssueAuditDigest;
import com.acme.governance.command.common.IllegalTransitionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The history's checkpoints, as part of the history (adr/0025): one aggregate, {@link IssueAuditDigest#LEDGER},
 * that records every digest the service signed, so that its own hash chain links each digest to the one before.
 * The first digest opens it. Each digest must cover the digest recorded before it (its heads include the ledger at
 * its latest sequence): of two digests read at the same time, by two instances or two requests, only the first is
 * recorded, and the ledger's order is the order in which the digests saw the history.
 */
// Not cached: an instance's cached ledger would be behind another instance's digests and refuse a valid one.
@Aggregate
public class AuditLedger {

    @AggregateIdentifier
    private String id;

    protected AuditLedger() {
        // for Axon's event sourcing, and for the first digest, which opens the ledger
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(IssueAuditDigest command, Actor actor) {
        DigestIssuers.require(actor);
        requireCoversTheLatestDigest(command);
        apply(new AuditDigestIssued(command.digestId(), command.issuedAt(), command.eventCount(),
                command.aggregateCount(), command.rootHash(), command.keyId(), command.signature()));
        return AggregateLifecycle.getVersion();
    }

    private void requireCoversTheLatestDigest(IssueAuditDigest command) {
        Long latest = id == null ? null : AggregateLifecycle.getVersion();
        if (!Objects.equals(latest, command.ledgerSequence())) {
            throw new IllegalTransitionException("digest " + command.digestId() + " read the audit ledger at "
                    + describe(command.ledgerSequence()) + ", but it is at " + describe(latest)
                    + " now: another digest was recorded meanwhile; issue a new one");
        }
    }

    private static String describe(Long sequence) {
        return sequence == null ? "no digest yet" : "sequence " + sequence;
    }

    @EventSourcingHandler
    void on(AuditDigestIssued event) {
        id = IssueAuditDigest.LEDGER;
    }
}
