package com.acme.governance.api.dataproduct;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What publishing this contract version would do, under the product's mode, recording nothing: a dry run for the
 * pipelines of domain teams.
 */
public record CheckContractVersion(
        @NotNull @TargetAggregateIdentifier DataProductId id,
        @NotNull SemanticVersion version,
        @NotNull SchemaType schemaType,
        @NotNull JsonNode schema) {
}
