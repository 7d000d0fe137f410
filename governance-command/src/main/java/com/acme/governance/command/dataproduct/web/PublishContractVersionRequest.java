package com.acme.governance.command.dataproduct.web;

import com.acme.governance.api.dataproduct.CheckContractVersion;
import com.acme.governance.api.dataproduct.ContractReference;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.PublishContractVersion;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.command.dataproduct.JsonSchemaValidity;
import com.acme.governance.contracts.ContractReferences;
import com.acme.governance.edge.problem.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Optional;

/**
 * A contract version, to publish or to check. The schema's size is bounded in bytes well below Kafka's default record
 * size (1 MiB): every event must fit on the published log, or the relay could not pass it. A JSON Schema must be one
 * (meta-schema valid) before it is compared with anything.
 *
 * @param references other products' contract versions the schema uses, {@code {productId}@{version}}: needed for an
 *                   Avro contract's named types; a JSON Schema's {@code $ref}s and a Protobuf file's imports of that
 *                   form are found in the schema
 */
record PublishContractVersionRequest(
        @NotNull @Pattern(regexp = SemanticVersion.PATTERN, message = "must be MAJOR.MINOR.PATCH") String version,
        @NotNull SchemaType schemaType,
        @NotNull JsonNode schema,
        @Size(max = ContractReferences.MAX_REFERENCED) List<@NotNull @Pattern(regexp = ContractReference.PATTERN,
                message = "must be {productId}@{MAJOR.MINOR.PATCH}") String> references) {

    PublishContractVersion toCommand(DataProductId id) {
        requireValidSchema(schemaType, schema);
        return new PublishContractVersion(id, SemanticVersion.parse(version), schemaType, schema, contractReferences(), null);
    }

    CheckContractVersion toCheck(DataProductId id) {
        requireValidSchema(schemaType, schema);
        return new CheckContractVersion(id, SemanticVersion.parse(version), schemaType, schema, contractReferences());
    }

    private List<ContractReference> contractReferences() {
        return references == null ? List.of() : references.stream().map(ContractReference::of).toList();
    }

    /** A JSON Schema against its meta-schema; any other type for its form here, and by its own parser in the product. */
    static void requireValidSchema(SchemaType schemaType, JsonNode schema) {
        Optional<String> problem = schemaType == SchemaType.JSON_SCHEMA
                ? JsonSchemaValidity.problem(schema)
                : JsonSchemaValidity.form(schema, schemaType == SchemaType.PROTOBUF);
        problem.ifPresent(message -> {
            throw new InvalidInputException("schema", message);
        });
    }
}
