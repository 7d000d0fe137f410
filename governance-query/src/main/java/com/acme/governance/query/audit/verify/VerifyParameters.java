package com.acme.governance.query.audit.verify;

import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.audit.AuditTrailParameters;
import com.acme.governance.query.web.QueryParameters;
import org.springframework.util.MultiValueMap;

import java.util.Set;

/** The query parameters of {@code GET /audit/verify}, validated strictly as every list's are. */
record VerifyParameters(String aggregateId, boolean withDigest) {

    static final String AGGREGATE_ID = AuditTrailParameters.AGGREGATE_ID;
    static final String DIGEST = "digest";
    static final String NO_DIGEST = "none";

    /** @throws InvalidInputException naming every offending parameter */
    static VerifyParameters parse(MultiValueMap<String, String> parameters) {
        if (parameters.containsKey(QueryParameters.SIZE)) {
            throw new InvalidInputException(QueryParameters.SIZE, "is not a known parameter; known: "
                    + AGGREGATE_ID + ", " + DIGEST);
        }
        QueryParameters query = QueryParameters.cursorPaged(parameters, Set.of(AGGREGATE_ID, DIGEST), 1, 1);
        String aggregateId = query.text(AGGREGATE_ID, AuditTrailParameters.MAX_AGGREGATE_ID_LENGTH);
        String digest = query.parsed(DIGEST, VerifyParameters::digest);
        query.throwIfInvalid();
        return new VerifyParameters(aggregateId, digest == null);
    }

    private static String digest(String value) {
        if (!NO_DIGEST.equals(value)) {
            throw new IllegalArgumentException("must be '" + NO_DIGEST + "', to verify without the latest digest");
        }
        return value;
    }
}
