package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessRequestStatus;
import org.bson.Document;

import java.util.List;

import static com.acme.governance.query.access.AccessDocuments.instant;
import static com.acme.governance.query.access.AccessFields.*;

/** Turns an {@code access_requests} document into the view clients see. */
final class AccessRequestViewMapper {

    private AccessRequestViewMapper() {
    }

    static AccessRequestView toView(Document document) {
        return new AccessRequestView(
                document.getString(ID),
                document.getString(DATA_PRODUCT_ID),
                document.getString(OWNER_TEAM),
                document.getString(CONSUMER_TEAM),
                document.getString(PURPOSE),
                document.get(DURATION_DAYS, Number.class).intValue(),
                document.getString(REQUESTED_BY),
                instant(document.getDate(REQUESTED_AT)),
                AccessRequestStatus.valueOf(document.getString(STATUS)),
                AccessDocuments.rolesOf(document.getList(REQUIRED_APPROVALS, String.class, List.of())),
                AccessDocuments.rolesOf(document.getList(OUTSTANDING_APPROVALS, String.class, List.of())),
                AccessDocuments.approvalsOf(document.getList(APPROVALS, Document.class, List.of())),
                AccessDocuments.decisionOf(document.get(DECISION, Document.class)),
                document.getString(REJECTED_BY),
                document.getString(REJECTION_REASON),
                instant(document.getDate(REJECTED_AT)),
                document.getString(WITHDRAWN_BY),
                instant(document.getDate(WITHDRAWN_AT)),
                instant(document.getDate(GRANTED_AT)),
                instant(document.getDate(EXPIRES_AT)),
                instant(document.getDate(CLOSED_AT)),
                instant(document.getDate(UPDATED_AT)));
    }
}
