package com.acme.governance.query.access;

import com.acme.governance.query.ingestion.SequencedDocuments;

/**
 * Field names of the {@code access_requests} and {@code access_grants} read models, shared by their writers and
 * readers. Both are keyed by the request id, which the grant shares.
 */
final class AccessFields {

    static final String ID = "_id";
    static final String DATA_PRODUCT_ID = "dataProductId";
    static final String OWNER_TEAM = "ownerTeam";
    static final String CONSUMER_TEAM = "consumerTeam";
    static final String PURPOSE = "purpose";
    static final String REQUESTED_BY = "requestedBy";
    static final String STATUS = "status";
    static final String APPROVALS = "approvals";
    static final String DECISION = "decision";
    static final String UPDATED_AT = SequencedDocuments.UPDATED_AT;
    /** Events of the request's stream applied to the document. */
    static final String EVENT_COUNT = "eventCount";

    // access_requests only
    static final String DURATION_DAYS = "durationDays";
    static final String REQUESTED_AT = "requestedAt";
    static final String REQUIRED_APPROVALS = "requiredApprovals";
    static final String OUTSTANDING_APPROVALS = "outstandingApprovals";
    static final String REJECTED_BY = "rejectedBy";
    static final String REJECTION_REASON = "rejectionReason";
    static final String REJECTED_AT = "rejectedAt";
    static final String WITHDRAWN_BY = "withdrawnBy";
    static final String WITHDRAWN_AT = "withdrawnAt";
    static final String GRANTED_AT = "grantedAt";
    static final String EXPIRES_AT = "expiresAt";
    /** When the request reached a final status: rejected, withdrawn, or its grant revoked or expired. */
    static final String CLOSED_AT = "closedAt";

    // access_grants only (besides EXPIRES_AT)
    static final String STARTS_AT = "startsAt";
    static final String REVOKED_BY = "revokedBy";
    static final String REVOCATION_REASON = "revocationReason";
    static final String REVOKED_AT = "revokedAt";
    static final String EXPIRED_AT = "expiredAt";

    // an element of APPROVALS
    static final String APPROVAL_PRINCIPAL = "principal";
    static final String APPROVAL_ROLE = "role";
    static final String APPROVED_AT = "approvedAt";
    static final String APPROVAL_PRINCIPAL_PATH = APPROVALS + "." + APPROVAL_PRINCIPAL;

    // DECISION (besides REQUIRED_APPROVALS)
    static final String POLICIES = "policies";
    static final String POLICY_ID = "policyId";
    static final String POLICY_VERSION = "version";
    static final String MAX_GRANT_DAYS = "maxGrantDays";
    static final String PURPOSE_REQUIRED = "purposeRequired";

    private AccessFields() {
    }
}
