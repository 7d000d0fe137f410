package com.acme.governance.api.dataproduct;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * What publishing this contract version would do, under the product's mode, recording nothing: a dry run for the
 * pipelines of domain teams.
 *
 * @param references as {@link PublishContractVersion#references()}
 */
public record CheckContractVersion(
        @NotNull @TargetAggregateIdentifier DataProductId id,
        @NotNull SemanticVersion version,
        @NotNull SchemaType schemaType,
        @NotNull JsonNode schema,
        List<ContractReference> references) {

    public CheckContractVersion {
        references = references == null ? List.of() : List.copyOf(references);
    }

    public CheckContractVersion(DataProductId id, SemanticVersion version, SchemaType schemaType, JsonNode schema) {
        this(id, version, schemaType, schema, List.of());
    }
}
