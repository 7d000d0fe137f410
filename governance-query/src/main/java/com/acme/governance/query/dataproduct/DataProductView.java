package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.OutputPort;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;
import java.util.List;

/**
 * A data product as the read side answers it, and as {@code data_products} stores it (through the driver's record
 * codec, keyed by its id).
 *
 * @param version     its event count; clients send it back as {@code If-Match} to update the product
 * @param replacedBy  the product its deprecation named as successor; null when none was named
 * @param compatibilityMode what its contract's next minor and patch versions must keep
 * @param searchTerms the words it is found by ({@link SearchTerms}); kept for the index, never answered
 */
public record DataProductView(@BsonId String id, String domain, String name, String title, String description,
                              String ownerTeam, Classification classification, List<String> tags,
                              List<OutputPort> outputPorts, DataProductStatus status,
                              List<ContractVersionView> contractVersions, long version, Instant registeredAt,
                              String registeredBy, Instant updatedAt, String deprecationReason,
                              String replacedBy, String retirementReason, CompatibilityMode compatibilityMode,
                              @JsonIgnore List<String> searchTerms) {

    public DataProductView {
        // a product stored before modes existed was under the brief's rule, as its registration (revision 1) says
        compatibilityMode = compatibilityMode == null ? CompatibilityMode.CONSUMER_SAFE : compatibilityMode;
    }
}
