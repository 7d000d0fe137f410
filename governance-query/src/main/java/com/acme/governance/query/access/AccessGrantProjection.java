package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGrantStatus;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessRequestApproved;
import com.acme.governance.api.access.AccessRequestRejected;
import com.acme.governance.api.access.AccessRequestWithdrawn;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;

import static com.acme.governance.query.access.AccessFields.*;

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

    private final SequencedDocuments grants;
    private final EventPayloads payloads;

    public AccessGrantProjection(ReadModelDatabase database, EventPayloads payloads) {
        this.grants = new SequencedDocuments(database.accessGrants(), EVENT_COUNT);
        this.payloads = payloads;
    }

    @Override
    public void apply(IncomingEvent event) {
        if (event.is(AccessRequested.class)) {
            grants.create(event, requested(payloads.read(event, AccessRequested.class)));
        } else if (event.is(AccessRequestApproved.class)) {
            AccessRequestApproved approved = payloads.read(event, AccessRequestApproved.class);
            grants.change(event, Updates.push(APPROVALS, AccessDocuments.approval(event, approved)));
        } else if (event.is(AccessGranted.class)) {
            AccessGranted granted = payloads.read(event, AccessGranted.class);
            grants.change(event, Updates.combine(
                    Updates.set(STATUS, AccessGrantStatus.ACTIVE.name()),
                    Updates.set(STARTS_AT, Date.from(granted.startsAt())),
                    Updates.set(EXPIRES_AT, Date.from(granted.expiresAt()))));
        } else if (event.is(AccessGrantRevoked.class)) {
            AccessGrantRevoked revoked = payloads.read(event, AccessGrantRevoked.class);
            grants.change(event, Updates.combine(
                    Updates.set(STATUS, AccessGrantStatus.REVOKED.name()),
                    Updates.set(REVOKED_BY, revoked.revokedBy()),
                    Updates.set(REVOCATION_REASON, revoked.reason()),
                    Updates.set(REVOKED_AT, Date.from(event.time()))));
        } else if (event.is(AccessGrantExpired.class)) {
            AccessGrantExpired expired = payloads.read(event, AccessGrantExpired.class);
            grants.change(event, Updates.combine(
                    Updates.set(STATUS, AccessGrantStatus.EXPIRED.name()),
                    Updates.set(EXPIRED_AT, Date.from(expired.expiredAt()))));
        } else if (event.is(AccessRequestRejected.class) || event.is(AccessRequestWithdrawn.class)
                || (!event.isCatalogued() && AccessRequestProjection.AGGREGATE_TYPE.equals(event.aggregateType()))) {
            // No grant comes of it, yet it counts: the stream's next event must not look like a gap.
            grants.change(event, Updates.combine());
        }
    }

    private static Document requested(AccessRequested requested) {
        return new Document()
                .append(DATA_PRODUCT_ID, requested.dataProductId().toString())
                .append(CONSUMER_TEAM, requested.consumerTeam())
                .append(OWNER_TEAM, requested.ownerTeam())
                .append(PURPOSE, requested.purpose())
                .append(REQUESTED_BY, requested.requestedBy())
                .append(STATUS, null)
                .append(STARTS_AT, null)
                .append(EXPIRES_AT, null)
                .append(APPROVALS, List.of())
                .append(DECISION, AccessDocuments.decision(requested.decision()))
                .append(REVOKED_BY, null)
                .append(REVOCATION_REASON, null)
                .append(REVOKED_AT, null)
                .append(EXPIRED_AT, null);
    }
}
