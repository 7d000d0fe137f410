package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessDeprovisioned;
import com.acme.governance.api.access.AccessDriftRepaired;
import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessProvisioned;
import com.acme.governance.api.access.ProvisioningFailed;
import com.acme.governance.api.access.ProvisioningState;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGrantStatus;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessRequestApproved;
import com.acme.governance.api.access.AccessRequestRejected;
import com.acme.governance.api.access.AccessRequestWithdrawn;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.EventHandlers;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.ReadModelBatch;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Projects the grants into {@code access_grants}. A grant carries what its request said (owner team, purpose,
 * decision, approvals), and projections must not read each other's read models, whose order in a dispatch is not
 * theirs to rely on. So this projection follows the request's whole stream itself, in its own document keyed by
 * the request id: the document exists from the request on, without a status, and becomes a grant when
 * {@link AccessGranted} gives it one. Readers see only documents with a grant status (see
 * {@link AccessGrantSearchFilter#granted()}); a request that was never granted stays statusless.
 */
@Component("queryAccessGrantProjection")
public class AccessGrantProjection implements Projection {

    public static final String COLLECTION = "access_grants";

    private final SequencedDocuments<AccessGrantView> grants;
    private final MongoCollection<AccessGrantView> views;
    private final EventHandlers handlers;

    public AccessGrantProjection(ReadModelDatabase database, EventPayloads payloads) {
        this.views = collectionIn(database);
        this.grants = new SequencedDocuments<>(views, AccessRequestProjection.EVENT_COUNT);
        this.handlers = EventHandlers.with(payloads)
                .on(AccessRequested.class, this::on)
                .on(AccessRequestApproved.class, this::on)
                .on(AccessGranted.class, this::on)
                .on(AccessGrantRevoked.class, this::on)
                .on(AccessGrantExpired.class, this::on)
                .on(AccessProvisioned.class, this::on)
                .on(AccessDeprovisioned.class, this::on)
                .on(ProvisioningFailed.class, this::on)
                .on(AccessDriftRepaired.class, this::on)
                // No grant comes of these, yet they count: the stream's next event must not look like a gap.
                .on(AccessRequestRejected.class, (event, rejected) -> grants.count(event))
                .on(AccessRequestWithdrawn.class, (event, withdrawn) -> grants.count(event))
                .onUnknown(AccessRequestProjection.AGGREGATE_TYPE, grants::count)
                .build();
    }

    static MongoCollection<AccessGrantView> collectionIn(ReadModelDatabase database) {
        return database.collection(COLLECTION, AccessGrantView.class);
    }

    @Override
    public boolean writesInBatches() {
        return true;
    }

    @Override
    public void apply(IncomingEvent event) {
        handlers.handle(event);
    }

    private void on(IncomingEvent event, AccessRequested requested) {
        grants.create(event, new AccessGrantView(event.aggregateId(), requested.dataProductId().toString(),
                requested.consumerTeam(), requested.ownerTeam(), requested.purpose(), requested.requestedBy(), null,
                null, null, List.of(), requested.decision(), null, null, null, null, event.time(), null, List.of(), List.of(),
                null, null, null, 1));
    }

    private void on(IncomingEvent event, AccessRequestApproved approved) {
        grants.change(event, Updates.push("approvals", new ApprovalView(approved.approvedBy(), approved.role(), event.time())));
    }

    private void on(IncomingEvent event, AccessGranted granted) {
        grants.change(event, Updates.combine(
                Updates.set("status", AccessGrantStatus.ACTIVE),
                Updates.set("startsAt", granted.startsAt()),
                Updates.set("expiresAt", granted.expiresAt()),
                Updates.set("provisioning", ProvisioningState.PENDING)));
    }

    private void on(IncomingEvent event, AccessProvisioned provisioned) {
        grants.change(event, Updates.combine(
                Updates.set("provisioning", ProvisioningState.PROVISIONED),
                Updates.set("aclBindings", provisioned.bindings()),
                Updates.set("unmanagedPorts", provisioned.unmanagedPorts()),
                Updates.set("provisionedAt", event.time()),
                Updates.set("provisioningFailure", null)));
    }

    /** Missing bindings created again: in place from here on (and from the start, if it never was). */
    private void on(IncomingEvent event, AccessDriftRepaired repaired) {
        // the read must see what a batch's earlier events did to the grant
        ReadModelBatch.collecting().ifPresent(ReadModelBatch::write);
        AccessGrantView grant = views.find(Filters.eq("_id", event.aggregateId())).first();
        grants.change(event, Updates.combine(
                Updates.set("provisioning", ProvisioningState.PROVISIONED),
                Updates.set("provisionedAt", grant == null || grant.provisionedAt() == null
                        ? event.time() : grant.provisionedAt()),
                Updates.set("provisioningFailure", null)));
    }

    private void on(IncomingEvent event, AccessDeprovisioned deprovisioned) {
        grants.change(event, Updates.combine(
                Updates.set("provisioning", ProvisioningState.DEPROVISIONED),
                Updates.set("deprovisionedAt", event.time()),
                Updates.set("provisioningFailure", null)));
    }

    private void on(IncomingEvent event, ProvisioningFailed failed) {
        grants.change(event, Updates.combine(
                Updates.set("provisioning", ProvisioningState.FAILED),
                Updates.set("provisioningFailure", failed.step() + ": " + failed.reason())));
    }

    private void on(IncomingEvent event, AccessGrantRevoked revoked) {
        grants.change(event, Updates.combine(
                Updates.set("status", AccessGrantStatus.REVOKED),
                Updates.set("revokedBy", revoked.revokedBy()),
                Updates.set("revocationReason", revoked.reason()),
                Updates.set("revokedAt", event.time())));
    }

    private void on(IncomingEvent event, AccessGrantExpired expired) {
        grants.change(event, Updates.combine(
                Updates.set("status", AccessGrantStatus.EXPIRED),
                Updates.set("expiredAt", expired.expiredAt())));
    }
}
