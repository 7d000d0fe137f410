package com.acme.governance.query.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessGrantStatus;
import com.acme.governance.api.access.ListAccessGrants;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.web.QueryParameters;
import org.springframework.util.MultiValueMap;

import java.util.Set;

/** Validates the query parameters of {@code GET /access-grants} into a {@link ListAccessGrants}, strictly. */
public final class AccessGrantListParameters {

    public static final String DATA_PRODUCT_ID = "dataProductId";
    public static final String CONSUMER_TEAM = "consumerTeam";
    public static final String STATUS = "status";

    private static final Set<String> FILTERS = Set.of(DATA_PRODUCT_ID, CONSUMER_TEAM, STATUS);

    private AccessGrantListParameters() {
    }

    /** @throws InvalidInputException naming every offending parameter */
    public static ListAccessGrants parse(MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.of(parameters, FILTERS);
        DataProductId dataProductId = query.parsed(DATA_PRODUCT_ID, DataProductId::of);
        TeamName consumerTeam = query.parsed(CONSUMER_TEAM, TeamName::of);
        AccessGrantStatus status = query.oneOf(STATUS, AccessGrantStatus.class);
        query.throwIfInvalid();
        return new ListAccessGrants(dataProductId, consumerTeam, status, query.page(), query.size());
    }
}
