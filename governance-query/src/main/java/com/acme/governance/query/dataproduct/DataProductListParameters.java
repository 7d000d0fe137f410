package com.acme.governance.query.dataproduct;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.ListDataProducts;
import com.acme.governance.api.dataproduct.Tag;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.web.QueryParameters;
import org.springframework.util.MultiValueMap;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the query parameters of {@code GET /data-products} into a {@link ListDataProducts}, strictly (see
 * {@link QueryParameters}).
 */
public final class DataProductListParameters {

    public static final String DOMAIN = "domain";
    public static final String OWNER_TEAM = "ownerTeam";
    public static final String CLASSIFICATION = "classification";
    public static final String TAG = "tag";
    public static final String STATUS = "status";
    public static final String Q = "q";
    public static final String PAGE = QueryParameters.PAGE;
    public static final String SIZE = QueryParameters.SIZE;

    public static final int DEFAULT_SIZE = QueryParameters.DEFAULT_SIZE;
    public static final int MAX_SIZE = QueryParameters.MAX_SIZE;
    public static final int MAX_Q_LENGTH = 200;

    private static final Set<String> FILTERS = Set.of(DOMAIN, OWNER_TEAM, CLASSIFICATION, TAG, STATUS, Q);
    private static final Pattern SEGMENT = Pattern.compile(DataProductId.SEGMENT);

    private DataProductListParameters() {
    }

    /** @throws InvalidInputException naming every offending parameter */
    public static ListDataProducts parse(MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.of(parameters, FILTERS);
        String domain = query.matching(DOMAIN, SEGMENT);
        TeamName ownerTeam = query.parsed(OWNER_TEAM, TeamName::of);
        Classification classification = query.oneOf(CLASSIFICATION, Classification.class);
        Tag tag = query.parsed(TAG, Tag::of);
        DataProductStatus status = query.oneOf(STATUS, DataProductStatus.class);
        String q = query.text(Q, MAX_Q_LENGTH);
        query.throwIfInvalid();
        return new ListDataProducts(domain, ownerTeam, classification, tag, status, q, query.page(), query.size());
    }
}
