package com.acme.governance.api.dataproduct;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PublishContractVersion(
        @NotNull @TargetAggregateIdentifier DataProductId id,
        @NotNull SemanticVersion version,
        @NotNull SchemaType schemaType,
        @NotNull JsonNode schema) {
}
