package com.acme.governance.api.access;

import com.acme.governance.api.dataproduct.DataProductId;

public record ListAccessGrants(DataProductId dataProductId, String consumerTeam, AccessGrantStatus status, int page,
                               int size) {
}
