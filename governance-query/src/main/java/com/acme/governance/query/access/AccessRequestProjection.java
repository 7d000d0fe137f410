package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessDeprovisioned;
import com.acme.governance.api.access.AccessDriftRepaired;
import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessProvisioned;
import com.acme.governance.api.access.ProvisioningFailed;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessRequestApproved;
import com.acme.governance.api.access.AccessRequestRejected;
import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.access.AccessRequestWithdrawn;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.EventHandlers;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Projects an access request's whole stream into the {@code access_requests} read model, one
 * {@link AccessRequestView} per request.
 */
@Component("queryAccessRequestProjection")
public class AccessRequestProjection implements Projection {

    /** {@code ce_aggregatetype} of access request and grant events: one aggregate, one stream, one id. */
    public static final String AGGREGATE_TYPE = "AccessRequest";
    public static final String COLLECTION = "access_requests";
    /** Events of the request's stream applied to its document. */
    static final String EVENT_COUNT = "eventCount";

    private final SequencedDocuments<AccessRequestView> requests;
    private final EventHandlers handlers;

    public AccessRequestProjection(ReadModelDatabase database, EventPayloads payloads) {
        this.requests = new SequencedDocuments<>(collectionIn(database), EVENT_COUNT);
        this.handlers = EventHandlers.with(payloads)
                .on(AccessRequested.class, this::on)
                .on(AccessRequestApproved.class, this::on)
                .on(AccessGranted.class, this::on)
                .on(AccessRequestRejected.class, this::on)
                .on(AccessRequestWithdrawn.class, this::on)
                .on(AccessGrantRevoked.class, (event, revoked) -> requests.change(event, closed(event, AccessRequestStatus.REVOKED)))
                .on(AccessGrantExpired.class, (event, expired) -> requests.change(event, closed(event, AccessRequestStatus.EXPIRED)))
                // The grant's life on the Kafka cluster is the grant's (AccessGrantProjection); here it only counts.
                .on(AccessProvisioned.class, (event, provisioned) -> requests.count(event))
                .on(AccessDeprovisioned.class, (event, deprovisioned) -> requests.count(event))
                .on(ProvisioningFailed.class, (event, failed) -> requests.count(event))
                .on(AccessDriftRepaired.class, (event, repaired) -> requests.count(event))
                // Unknown to this version, yet it counts: without it, the request's next event would look like a gap.
                .onUnknown(AGGREGATE_TYPE, requests::count)
                .build();
    }

    static MongoCollection<AccessRequestView> collectionIn(ReadModelDatabase database) {
        return database.collection(COLLECTION, AccessRequestView.class);
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
        List<ApprovalRole> required = requested.decision() == null ? List.of() : requested.decision().requiredApprovals();
        requests.create(event, new AccessRequestView(event.aggregateId(), requested.dataProductId().toString(),
                requested.ownerTeam(), requested.consumerTeam(), requested.purpose(), requested.durationDays(),
                requested.requestedBy(), event.time(), AccessRequestStatus.PENDING, required, required, List.of(),
                requested.decision(), null, null, null, null, null, null, null, null, event.time(), 1));
    }

    private void on(IncomingEvent event, AccessRequestApproved approved) {
        requests.change(event, Updates.combine(
                Updates.push("approvals", new ApprovalView(approved.approvedBy(), approved.role(), event.time())),
                Updates.set("outstandingApprovals", orEmpty(approved.outstandingApprovals()))));
    }

    private void on(IncomingEvent event, AccessGranted granted) {
        requests.change(event, Updates.combine(
                Updates.set("status", AccessRequestStatus.GRANTED),
                Updates.set("grantedAt", event.time()),
                Updates.set("expiresAt", granted.expiresAt())));
    }

    private void on(IncomingEvent event, AccessRequestRejected rejected) {
        requests.change(event, Updates.combine(closed(event, AccessRequestStatus.REJECTED),
                Updates.set("rejectedBy", rejected.rejectedBy()),
                Updates.set("rejectionReason", rejected.reason()),
                Updates.set("rejectedAt", event.time())));
    }

    private void on(IncomingEvent event, AccessRequestWithdrawn withdrawn) {
        requests.change(event, Updates.combine(closed(event, AccessRequestStatus.WITHDRAWN),
                Updates.set("withdrawnBy", withdrawn.withdrawnBy()),
                Updates.set("withdrawnAt", event.time())));
    }

    private static Bson closed(IncomingEvent event, AccessRequestStatus status) {
        return Updates.combine(Updates.set("status", status), Updates.set("closedAt", event.time()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
