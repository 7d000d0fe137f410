package com.acme.governance.query.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.ListAccessAsOf;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.web.QueryParameters;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.util.Set;

/** Validates the query parameters of {@code GET /audit/access-as-of} into a {@link ListAccessAsOf}, strictly. */
public final class AccessAsOfParameters {

    public static final String DATA_PRODUCT_ID = "dataProductId";
    public static final String CONSUMER_TEAM = "consumerTeam";
    public static final String AT = "at";

    private static final Set<String> FILTERS = Set.of(DATA_PRODUCT_ID, CONSUMER_TEAM, AT);

    private AccessAsOfParameters() {
    }

    /** @throws InvalidInputException naming every offending parameter */
    public static ListAccessAsOf parse(MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.of(parameters, FILTERS);
        DataProductId dataProductId = query.parsed(DATA_PRODUCT_ID, DataProductId::of);
        TeamName consumerTeam = query.parsed(CONSUMER_TEAM, TeamName::of);
        Instant at = query.instant(AT);
        if (at == null && !query.refused(AT)) {
            query.refuse(AT, "is required: the instant to answer for");
        }
        if (!parameters.containsKey(DATA_PRODUCT_ID) && !parameters.containsKey(CONSUMER_TEAM)) {
            query.refuse(DATA_PRODUCT_ID, "or " + CONSUMER_TEAM + " is required: whose access to answer for");
        }
        query.throwIfInvalid();
        return new ListAccessAsOf(dataProductId, consumerTeam, at, query.page(), query.size());
    }
}
