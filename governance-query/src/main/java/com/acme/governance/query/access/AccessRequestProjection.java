package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessRequestApproved;
import com.acme.governance.api.access.AccessRequestRejected;
import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.access.AccessRequestWithdrawn;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;

import static com.acme.governance.query.access.AccessFields.*;

/** Projects an access request's whole stream into the {@code access_requests} read model, one document per request. */
@Component("queryAccessRequestProjection")
public class AccessRequestProjection implements Projection {

    /** {@code ce_aggregatetype} of access request and grant events: one aggregate, one stream, one id. */
    public static final String AGGREGATE_TYPE = "AccessRequest";

    private final SequencedDocuments requests;
    private final EventPayloads payloads;

    public AccessRequestProjection(ReadModelDatabase database, EventPayloads payloads) {
        this.requests = new SequencedDocuments(database.accessRequests(), EVENT_COUNT);
        this.payloads = payloads;
    }

    @Override
    public void apply(IncomingEvent event) {
        if (event.is(AccessRequested.class)) {
            requests.create(event, requested(event, payloads.read(event, AccessRequested.class)));
        } else if (event.is(AccessRequestApproved.class)) {
            AccessRequestApproved approved = payloads.read(event, AccessRequestApproved.class);
            requests.change(event, Updates.combine(
                    Updates.push(APPROVALS, AccessDocuments.approval(event, approved)),
                    Updates.set(OUTSTANDING_APPROVALS, AccessDocuments.roles(approved.outstandingApprovals()))));
        } else if (event.is(AccessGranted.class)) {
            AccessGranted granted = payloads.read(event, AccessGranted.class);
            requests.change(event, Updates.combine(
                    Updates.set(STATUS, AccessRequestStatus.GRANTED.name()),
                    Updates.set(GRANTED_AT, Date.from(event.time())),
                    Updates.set(EXPIRES_AT, Date.from(granted.expiresAt()))));
        } else if (event.is(AccessRequestRejected.class)) {
            AccessRequestRejected rejected = payloads.read(event, AccessRequestRejected.class);
            requests.change(event, Updates.combine(closed(event, AccessRequestStatus.REJECTED),
                    Updates.set(REJECTED_BY, rejected.rejectedBy()),
                    Updates.set(REJECTION_REASON, rejected.reason()),
                    Updates.set(REJECTED_AT, Date.from(event.time()))));
        } else if (event.is(AccessRequestWithdrawn.class)) {
            AccessRequestWithdrawn withdrawn = payloads.read(event, AccessRequestWithdrawn.class);
            requests.change(event, Updates.combine(closed(event, AccessRequestStatus.WITHDRAWN),
                    Updates.set(WITHDRAWN_BY, withdrawn.withdrawnBy()),
                    Updates.set(WITHDRAWN_AT, Date.from(event.time()))));
        } else if (event.is(AccessGrantRevoked.class)) {
            requests.change(event, closed(event, AccessRequestStatus.REVOKED));
        } else if (event.is(AccessGrantExpired.class)) {
            requests.change(event, closed(event, AccessRequestStatus.EXPIRED));
        } else if (!event.isCatalogued() && AGGREGATE_TYPE.equals(event.aggregateType())) {
            // Unknown to this version, yet it counts: without it, the request's next event would look like a gap.
            requests.change(event, Updates.combine());
        }
    }

    private static Document requested(IncomingEvent event, AccessRequested requested) {
        List<String> required = requested.decision() == null ? List.of()
                : AccessDocuments.roles(requested.decision().requiredApprovals());
        return new Document()
                .append(DATA_PRODUCT_ID, requested.dataProductId().toString())
                .append(OWNER_TEAM, requested.ownerTeam())
                .append(CONSUMER_TEAM, requested.consumerTeam())
                .append(PURPOSE, requested.purpose())
                .append(DURATION_DAYS, requested.durationDays())
                .append(REQUESTED_BY, requested.requestedBy())
                .append(REQUESTED_AT, Date.from(event.time()))
                .append(STATUS, AccessRequestStatus.PENDING.name())
                .append(REQUIRED_APPROVALS, required)
                .append(OUTSTANDING_APPROVALS, required)
                .append(APPROVALS, List.of())
                .append(DECISION, AccessDocuments.decision(requested.decision()))
                .append(REJECTED_BY, null)
                .append(REJECTION_REASON, null)
                .append(REJECTED_AT, null)
                .append(WITHDRAWN_BY, null)
                .append(WITHDRAWN_AT, null)
                .append(GRANTED_AT, null)
                .append(EXPIRES_AT, null)
                .append(CLOSED_AT, null);
    }

    private static Bson closed(IncomingEvent event, AccessRequestStatus status) {
        return Updates.combine(Updates.set(STATUS, status.name()), Updates.set(CLOSED_AT, Date.from(event.time())));
    }
}
