package com.acme.governance.command.dataproduct.web;

import com.acme.governance.api.dataproduct.CheckContractVersion;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.PublishContractVersion;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.command.dataproduct.JsonSchemaValidity;
import com.acme.governance.edge.problem.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Optional;

/**
 * A contract version, to publish or to check. The schema's size is bounded in bytes well below Kafka's default record size (1 MiB): every
 * event must fit on the published log, or the relay could not pass it. A JSON Schema must be one (meta-schema valid)
 * before it is compared with anything.
 */
record PublishContractVersionRequest(
        @NotNull @Pattern(regexp = SemanticVersion.PATTERN, message = "must be MAJOR.MINOR.PATCH") String version,
        @NotNull SchemaType schemaType,
        @NotNull JsonNode schema) {

    PublishContractVersion toCommand(DataProductId id) {
        requireValidSchema();
        return new PublishContractVersion(id, SemanticVersion.parse(version), schemaType, schema);
    }

    CheckContractVersion toCheck(DataProductId id) {
        requireValidSchema();
        return new CheckContractVersion(id, SemanticVersion.parse(version), schemaType, schema);
    }

    /** A JSON Schema against its meta-schema; any other type for its form here, and by its own parser in the product. */
    private void requireValidSchema() {
        Optional<String> problem = schemaType == SchemaType.JSON_SCHEMA
                ? JsonSchemaValidity.problem(schema)
                : JsonSchemaValidity.form(schema, schemaType == SchemaType.PROTOBUF);
        problem.ifPresent(message -> {
            throw new InvalidInputException("schema", message);
        });
    }
}
