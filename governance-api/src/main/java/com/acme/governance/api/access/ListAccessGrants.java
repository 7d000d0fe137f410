package com.acme.governance.api.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.dataproduct.DataProductId;

public record ListAccessGrants(DataProductId dataProductId, TeamName consumerTeam, AccessGrantStatus status, int page,
                               int size) {
}
