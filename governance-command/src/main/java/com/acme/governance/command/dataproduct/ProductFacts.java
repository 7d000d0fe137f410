package com.acme.governance.command.dataproduct;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductStatus;

import java.util.List;

/** A read-only view of a data product's current state, for decisions taken by other aggregates. */
public record ProductFacts(String id, String domain, String ownerTeam, DataProductStatus status,
                           Classification classification, List<String> tags) {

    public ProductFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
