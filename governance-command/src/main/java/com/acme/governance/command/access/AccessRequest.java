package com.acme.governance.command.access;

import com.acme.governance.api.authorization.GovernanceRules;
import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AccessDeprovisioned;
import com.acme.governance.api.access.AccessDriftRepaired;
import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessProvisioned;
import com.acme.governance.api.access.ProvisioningFailed;
import com.acme.governance.api.access.ProvisioningState;
import com.acme.governance.api.access.ProvisioningStep;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessRequestApproved;
import com.acme.governance.api.access.AccessRequestRejected;
import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.access.AccessRequestWithdrawn;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.api.access.ApprovalEligibility;
import com.acme.governance.api.access.ApproveAccessRequest;
import com.acme.governance.api.access.RejectAccessRequest;
import com.acme.governance.api.access.RequestAccess;
import com.acme.governance.api.access.RevokeAccessGrant;
import com.acme.governance.api.access.WithdrawAccessRequest;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.command.common.IllegalTransitionException;
import com.acme.governance.command.common.NotPermittedException;
import com.acme.governance.command.dataproduct.ProductFacts;
import com.acme.governance.edge.problem.InvalidInputException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A team's request for READ access to a data product, and the grant it becomes. The effective policy is fixed in
 * the first event; approvals follow it even if the policy changes later (ADR 0006). The grant starts when the last
 * required approval arrives and expires by itself through a durable deadline.
 */
@Aggregate(cache = "commandAggregateCache")
public class AccessRequest {

    public static final String EXPIRY_DEADLINE = "access-grant-expiry";
    static final String SYSTEM = AuditMetadata.SYSTEM_PRINCIPAL;

    @AggregateIdentifier
    private String id;
    private DataProductId dataProductId;
    private String ownerTeam;
    private String consumerTeam;
    private String requestedBy;
    private int durationDays;
    private AccessRequestStatus status;
    private List<ApprovalRole> outstandingApprovals;
    private Set<String> approvers;
    private Instant grantExpiresAt;
    /** When the latest approval was recorded: the start of a grant that an append cut short. */
    private Instant lastApprovalAt;
    /** The id of the grant's event: the human decision that its expiry follows from. */
    private String grantEventId;
    /** Whether the grant's ACLs are in place on the cluster; null until granted. */
    private ProvisioningState provisioning;
    private ProvisioningStep failedStep;

    protected AccessRequest() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public AccessRequest(RequestAccess command, Actor actor, AccessContext context) {
        ProductFacts product = context.product(command.dataProductId());
        if (!product.status().acceptsAccessRequests()) {
            throw new IllegalTransitionException("data product " + product.id() + " is " + product.status()
                    + "; only PUBLISHED or DEPRECATED products accept access requests");
        }
        String consumerTeam = command.consumerTeam().value();
        if (!GovernanceRules.speaksForTeam(actor, consumerTeam)) {
            throw new NotPermittedException(GovernanceRules.speaksForTeamRefusal(actor, consumerTeam,
                    "ask for access"));
        }
        if (consumerTeam.equals(product.ownerTeam())) {
            throw new NotPermittedException("team '" + consumerTeam + "' owns " + product.id()
                    + " and needs no access request");
        }
        AccessDecision decision = context.decide(product);
        if (command.durationDays() > decision.maxGrantDays()) {
            throw new InvalidInputException("durationDays", "at most " + decision.maxGrantDays()
                    + " days may be granted on " + product.id() + ", not " + command.durationDays());
        }
        if (decision.purposeRequired() && (command.purpose() == null || command.purpose().isBlank())) {
            throw new InvalidInputException("purpose", "a purpose is required for access to " + product.id());
        }
        apply(new AccessRequested(command.requestId().value(), command.dataProductId(), product.ownerTeam(),
                consumerTeam, command.purpose(), command.durationDays(), actor.principal(), decision));
    }

    @CommandHandler
    public long handle(ApproveAccessRequest command, Actor actor, AccessContext context, Clock clock,
                       DeadlineManager deadlines) {
        requireStatus(AccessRequestStatus.PENDING, "approve");
        requireNotOwnRequest(actor);
        if (ApprovalEligibility.isInConsumerTeam(actor, consumerTeam)) {
            throw new NotPermittedException(ApprovalEligibility.consumerTeamRefusal(actor, consumerTeam, id));
        }
        if (outstandingApprovals.isEmpty() && GovernanceRules.actsForProduct(actor, ownerTeam)) {
            // every approval is recorded but the grant is not: an append cut short after the last approval. The grant
            // starts when that approval arrived, not now
            requireProductStillOpen(context);
            grant(lastApprovalAt, deadlines);
            return AggregateLifecycle.getVersion();
        }
        if (ApprovalEligibility.hasApproved(actor, approvers)) {
            throw new IllegalTransitionException(ApprovalEligibility.alreadyApprovedRefusal(actor, id));
        }
        ApprovalRole role = ApprovalEligibility.roleFor(actor, ownerTeam, outstandingApprovals)
                .orElseThrow(() -> new NotPermittedException(
                        ApprovalEligibility.noApprovalRefusal(actor, outstandingApprovals)));
        List<ApprovalRole> stillOutstanding = new ArrayList<>(outstandingApprovals);
        stillOutstanding.remove(role);
        if (stillOutstanding.isEmpty()) {
            requireProductStillOpen(context);
        }
        apply(new AccessRequestApproved(id, actor.principal(), role, stillOutstanding));
        if (stillOutstanding.isEmpty()) {
            grant(clock.instant(), deadlines);
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RejectAccessRequest command, Actor actor) {
        requireStatus(AccessRequestStatus.PENDING, "reject");
        requireNotOwnRequest(actor);
        requireOwnerOrSteward(actor);
        apply(new AccessRequestRejected(id, actor.principal(), command.reason()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(WithdrawAccessRequest command, Actor actor) {
        requireStatus(AccessRequestStatus.PENDING, "withdraw");
        if (!actor.principal().equals(requestedBy)) {
            throw new NotPermittedException("only " + requestedBy + ", who made request " + id + ", may withdraw it");
        }
        apply(new AccessRequestWithdrawn(id, actor.principal()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RevokeAccessGrant command, Actor actor, DeadlineManager deadlines) {
        requireStatus(AccessRequestStatus.GRANTED, "revoke");
        requireOwnerOrSteward(actor);
        apply(new AccessGrantRevoked(id, dataProductId, actor.principal(), command.reason()));
        deadlines.cancelAllWithinScope(EXPIRY_DEADLINE);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(CloseAccessOnProductRetirement command, DeadlineManager deadlines) {
        String reason = "data product " + dataProductId + " was retired: " + command.reason();
        if (status == AccessRequestStatus.PENDING) {
            apply(new AccessRequestRejected(id, SYSTEM, reason), systemMetadata(command.retirementEventId()));
        } else if (status == AccessRequestStatus.GRANTED) {
            apply(new AccessGrantRevoked(id, dataProductId, SYSTEM, reason),
                    systemMetadata(command.retirementEventId()));
            deadlines.cancelAllWithinScope(EXPIRY_DEADLINE);
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * The provisioner's report that the ACLs exist. Recorded once: a report repeated after a crash, or arriving
     * after the grant's end was recorded, changes nothing.
     */
    @CommandHandler
    public long handle(RecordAccessProvisioned command) {
        requireGranted("record the provisioning of");
        if (provisioning == ProvisioningState.PENDING || provisioning == ProvisioningState.FAILED) {
            apply(new AccessProvisioned(id, dataProductId, consumerTeam, command.bindings(),
                    command.unmanagedPorts()), systemMetadata(command.causeEventId()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** The provisioner's report that the ended grant's ACLs are gone; only once the grant has ended, only once. */
    @CommandHandler
    public long handle(RecordAccessDeprovisioned command) {
        requireGranted("record the deprovisioning of");
        if (status == AccessRequestStatus.GRANTED) {
            throw new IllegalTransitionException("grant " + id + " is still active; its access stays provisioned");
        }
        if (provisioning != ProvisioningState.DEPROVISIONED) {
            apply(new AccessDeprovisioned(id, dataProductId, consumerTeam, command.removed(), command.kept()),
                    systemMetadata(command.causeEventId()));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * A step that failed after its retries, recorded once per failing step: a step already done is not failed by a
     * late report, and the reconciler's further attempts do not repeat the same failure in the history.
     */
    @CommandHandler
    public long handle(RecordProvisioningFailed command) {
        requireGranted("record a provisioning failure of");
        boolean done = command.step() == ProvisioningStep.PROVISION
                ? provisioning == ProvisioningState.PROVISIONED || provisioning == ProvisioningState.DEPROVISIONED
                : provisioning == ProvisioningState.DEPROVISIONED;
        boolean recorded = provisioning == ProvisioningState.FAILED && failedStep == command.step();
        if (!done && !recorded) {
            apply(new ProvisioningFailed(id, dataProductId, command.step(), command.reason(), command.attempts()),
                    systemMetadata(command.causeEventId()));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * The reconciler's report that missing bindings of the grant were created again; one that arrives after the
     * grant ended changes nothing (its end is being, or was, deprovisioned).
     */
    @CommandHandler
    public long handle(RecordAccessDriftRepaired command) {
        requireGranted("record a drift repair of");
        if (status == AccessRequestStatus.GRANTED && !command.restored().isEmpty()) {
            apply(new AccessDriftRepaired(id, dataProductId, consumerTeam, command.restored()),
                    systemMetadata(grantEventId));
        }
        return AggregateLifecycle.getVersion();
    }

    private void requireGranted(String what) {
        if (grantEventId == null) {
            throw new IllegalTransitionException("cannot " + what + " request " + id + ": it was never granted");
        }
    }

    @DeadlineHandler(deadlineName = EXPIRY_DEADLINE)
    void expire() {
        // only an active grant expires; one revoked meanwhile stays revoked
        if (status == AccessRequestStatus.GRANTED) {
            apply(new AccessGrantExpired(id, dataProductId, grantExpiresAt), systemMetadata(grantEventId));
        }
    }

    /**
     * The grant starts when the last required approval arrived and expires by itself: its deadline is stored before
     * the events (ADR 0007).
     */
    private void grant(Instant startsAt, DeadlineManager deadlines) {
        Instant expiresAt = startsAt.plus(Duration.ofDays(durationDays));
        deadlines.schedule(expiresAt, EXPIRY_DEADLINE);
        apply(new AccessGranted(id, dataProductId, consumerTeam, startsAt, expiresAt));
    }

    /**
     * A product retired while the request was pending may have done so before the retirement saga followed this
     * request (ADR 0006): the grant-giving approval checks again.
     */
    private void requireProductStillOpen(AccessContext context) {
        ProductFacts product = context.product(dataProductId);
        if (!product.status().acceptsAccessRequests()) {
            throw new IllegalTransitionException("cannot grant access to " + dataProductId + ": it is "
                    + product.status() + " now");
        }
    }

    private void requireNotOwnRequest(Actor actor) {
        if (ApprovalEligibility.isOwnRequest(actor, requestedBy)) {
            throw new NotPermittedException(ApprovalEligibility.ownRequestRefusal(actor, id));
        }
    }

    private void requireOwnerOrSteward(Actor actor) {
        if (!GovernanceRules.actsForProduct(actor, ownerTeam)) {
            throw new NotPermittedException(GovernanceRules.actsForProductRefusal(actor, ownerTeam));
        }
    }

    private void requireStatus(AccessRequestStatus required, String decision) {
        if (status != required) {
            throw new IllegalTransitionException("cannot " + decision + " request " + id + " in status " + status
                    + " (requires " + required + ")");
        }
    }

    /**
     * A decision the system takes (an expiry, a closure on retirement) is recorded as the system's, with no teams or
     * roles, and names as its cause the recorded event of the human decision behind it. Without this, Axon's
     * correlation data would carry over the identity of whoever sent the message that led here (the last approver,
     * the retiring user); the correlation id still ties it to that chain of messages.
     */
    static MetaData systemMetadata(String causingEventId) {
        return MetaData.from(Map.of(AuditMetadata.PRINCIPAL, SYSTEM, AuditMetadata.ISSUER, Actor.SYSTEM_ISSUER,
                AuditMetadata.TEAMS, List.of(), AuditMetadata.ROLES, List.of(), AuditMetadata.CAUSATION_ID,
                causingEventId));
    }

    @EventSourcingHandler
    void on(AccessRequested event) {
        id = event.requestId();
        dataProductId = event.dataProductId();
        ownerTeam = event.ownerTeam();
        consumerTeam = event.consumerTeam();
        requestedBy = event.requestedBy();
        durationDays = event.durationDays();
        status = AccessRequestStatus.PENDING;
        outstandingApprovals = new ArrayList<>(event.decision().requiredApprovals());
        approvers = new HashSet<>();
    }

    @EventSourcingHandler
    void on(AccessRequestApproved event, @Timestamp Instant approvedAt) {
        approvers.add(event.approvedBy());
        lastApprovalAt = approvedAt;
        outstandingApprovals = new ArrayList<>(event.outstandingApprovals());
    }

    @EventSourcingHandler
    void on(AccessGranted event, @MessageIdentifier String eventId) {
        status = AccessRequestStatus.GRANTED;
        grantEventId = eventId;
        grantExpiresAt = event.expiresAt();
        provisioning = ProvisioningState.PENDING;
    }

    @EventSourcingHandler
    void on(AccessProvisioned event) {
        provisioning = ProvisioningState.PROVISIONED;
        failedStep = null;
    }

    @EventSourcingHandler
    void on(AccessDriftRepaired event) {
        provisioning = ProvisioningState.PROVISIONED;
        failedStep = null;
    }

    @EventSourcingHandler
    void on(AccessDeprovisioned event) {
        provisioning = ProvisioningState.DEPROVISIONED;
        failedStep = null;
    }

    @EventSourcingHandler
    void on(ProvisioningFailed event) {
        provisioning = ProvisioningState.FAILED;
        failedStep = event.step();
    }

    @EventSourcingHandler
    void on(AccessRequestRejected event) {
        status = AccessRequestStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(AccessRequestWithdrawn event) {
        status = AccessRequestStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(AccessGrantRevoked event) {
        status = AccessRequestStatus.REVOKED;
    }

    @EventSourcingHandler
    void on(AccessGrantExpired event) {
        status = AccessRequestStatus.EXPIRED;
    }
}
