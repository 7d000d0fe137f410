package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessGrantStatus;
import org.bson.Document;

import java.util.List;

import static com.acme.governance.query.access.AccessDocuments.instant;
import static com.acme.governance.query.access.AccessFields.*;

/** Turns an {@code access_grants} document that is a grant (it has a status) into the view clients see. */
final class AccessGrantViewMapper {

    private AccessGrantViewMapper() {
    }

    static AccessGrantView toView(Document document) {
        return new AccessGrantView(
                document.getString(ID),
                document.getString(DATA_PRODUCT_ID),
                document.getString(CONSUMER_TEAM),
                document.getString(OWNER_TEAM),
                document.getString(PURPOSE),
                document.getString(REQUESTED_BY),
                AccessGrantStatus.valueOf(document.getString(STATUS)),
                instant(document.getDate(STARTS_AT)),
                instant(document.getDate(EXPIRES_AT)),
                AccessDocuments.approvalsOf(document.getList(APPROVALS, Document.class, List.of())),
                AccessDocuments.decisionOf(document.get(DECISION, Document.class)),
                document.getString(REVOKED_BY),
                document.getString(REVOCATION_REASON),
                instant(document.getDate(REVOKED_AT)),
                instant(document.getDate(EXPIRED_AT)),
                instant(document.getDate(UPDATED_AT)));
    }
}
