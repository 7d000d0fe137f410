package com.acme.governance.query.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.access.ListAccessRequests;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.web.QueryParameters;
import org.springframework.util.MultiValueMap;

import java.util.Set;

/** Validates the query parameters of {@code GET /access-requests} into a {@link ListAccessRequests}, strictly. */
public final class AccessRequestListParameters {

    public static final String STATUS = "status";
    public static final String DATA_PRODUCT_ID = "dataProductId";
    public static final String CONSUMER_TEAM = "consumerTeam";
    public static final String AWAITING_MY_APPROVAL = "awaitingMyApproval";

    private static final Set<String> FILTERS = Set.of(STATUS, DATA_PRODUCT_ID, CONSUMER_TEAM, AWAITING_MY_APPROVAL);

    private AccessRequestListParameters() {
    }

    /** @throws InvalidInputException naming every offending parameter */
    public static ListAccessRequests parse(MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.of(parameters, FILTERS);
        AccessRequestStatus status = query.oneOf(STATUS, AccessRequestStatus.class);
        DataProductId dataProductId = query.parsed(DATA_PRODUCT_ID, DataProductId::of);
        TeamName consumerTeam = query.parsed(CONSUMER_TEAM, TeamName::of);
        boolean awaitingMyApproval = query.flag(AWAITING_MY_APPROVAL);
        query.throwIfInvalid();
        return new ListAccessRequests(status, dataProductId, consumerTeam, awaitingMyApproval, query.page(), query.size());
    }
}
