package com.acme.governance.api.dataproduct;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Publish a contract version.
 *
 * @param references other products' contract versions the schema uses beyond those it names itself (an Avro
 *                   contract's named types; a JSON Schema's {@code $ref}s and a Protobuf file's imports are found
 *                   in the schema)
 * @param odcs       the ODCS document the version was imported from, kept as written; {@code null} for a schema
 */
public record PublishContractVersion(
        @NotNull @TargetAggregateIdentifier DataProductId id,
        @NotNull SemanticVersion version,
        @NotNull SchemaType schemaType,
        @NotNull JsonNode schema,
        List<ContractReference> references,
        JsonNode odcs) {

    public PublishContractVersion {
        references = references == null ? List.of() : List.copyOf(references);
        odcs = odcs == null || odcs.isNull() ? null : odcs;
    }

    public PublishContractVersion(DataProductId id, SemanticVersion version, SchemaType schemaType, JsonNode schema) {
        this(id, version, schemaType, schema, List.of(), null);
    }
}
