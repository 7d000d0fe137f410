package com.acme.governance.api.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.dataproduct.DataProductId;

/** {@code awaitingMyApproval}: only requests whose next required approval the caller can give. */
public record ListAccessRequests(AccessRequestStatus status, DataProductId dataProductId, TeamName consumerTeam,
                                 boolean awaitingMyApproval, int page, int size) {
}
