package com.acme.governance.api.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.dataproduct.DataProductId;

import java.time.Instant;

/**
 * Who held a grant at one instant: on one product, for one team, or both (at least one of them is given). The answer
 * holds only what was known then: the grant as it was given, not what happened to it later.
 */
public record ListAccessAsOf(DataProductId dataProductId, TeamName consumerTeam, Instant at, int page, int size) {
}
