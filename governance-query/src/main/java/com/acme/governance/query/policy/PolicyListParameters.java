package com.acme.governance.query.policy;

import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.policy.ListPolicies;
import com.acme.governance.api.policy.PolicyStatus;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.web.QueryParameters;
import org.springframework.util.MultiValueMap;

import java.util.Set;
import java.util.regex.Pattern;

/** Validates the query parameters of {@code GET /policies} into a {@link ListPolicies}, strictly. */
public final class PolicyListParameters {

    public static final String STATUS = "status";
    public static final String DOMAIN = "domain";
    /** A policy's scope domain is a data product domain. */
    public static final String DOMAIN_PATTERN = DataProductId.SEGMENT;

    private static final Set<String> FILTERS = Set.of(STATUS, DOMAIN);
    private static final Pattern DOMAIN_VALUE = Pattern.compile(DOMAIN_PATTERN);

    private PolicyListParameters() {
    }

    /** @throws InvalidInputException naming every offending parameter */
    public static ListPolicies parse(MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.of(parameters, FILTERS);
        PolicyStatus status = query.oneOf(STATUS, PolicyStatus.class);
        String domain = query.matching(DOMAIN, DOMAIN_VALUE);
        query.throwIfInvalid();
        return new ListPolicies(status, domain, query.page(), query.size());
    }
}
