package com.acme.governance.query.policy;

import com.acme.governance.query.ingestion.SequencedDocuments;

/**
 * Field names of the {@code policies} (current state, one document per policy) and {@code policy_versions} (one
 * document per version) read models, shared by their writer and their readers.
 */
final class PolicyFields {

    static final String ID = "_id";
    static final String NAME = "name";
    static final String SCOPE = "scope";
    static final String RULES = "rules";
    /** The policy's own version, 1..n: definition and every amendment, but not retirement, make one. */
    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String DEFINED_AT = "definedAt";
    static final String DEFINED_BY = "definedBy";
    static final String AMENDED_AT = "amendedAt";
    static final String AMENDED_BY = "amendedBy";
    static final String RETIRED_AT = "retiredAt";
    static final String RETIRED_BY = "retiredBy";
    static final String RETIREMENT_REASON = "retirementReason";
    static final String UPDATED_AT = SequencedDocuments.UPDATED_AT;
    /** Events applied to the document: unlike {@link #VERSION}, retirement counts too. */
    static final String EVENT_COUNT = "eventCount";

    static final String SCOPE_DOMAIN = "domain";
    static final String SCOPE_DOMAIN_PATH = SCOPE + "." + SCOPE_DOMAIN;

    static final String WHEN = "when";
    static final String THEN = "then";
    static final String CLASSIFICATIONS = "classifications";
    static final String TAGS = "tags";
    static final String REQUIRED_APPROVALS = "requiredApprovals";
    static final String MAX_GRANT_DAYS = "maxGrantDays";
    static final String PURPOSE_REQUIRED = "purposeRequired";

    /** In {@code policy_versions}, whose {@code _id} is {@code <policyId>:<version>}. */
    static final String POLICY_ID = "policyId";
    static final String RATIONALE = "rationale";
    static final String DECIDED_BY = "decidedBy";
    static final String DECIDED_AT = "decidedAt";

    private PolicyFields() {
    }

    static String versionKey(String policyId, int version) {
        return policyId + ":" + version;
    }
}
