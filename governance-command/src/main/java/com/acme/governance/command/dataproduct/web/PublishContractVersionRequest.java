package com.acme.governance.command.dataproduct.web;

import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.PublishContractVersion;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.command.common.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

record PublishContractVersionRequest(
        @NotNull @Pattern(regexp = SemanticVersion.PATTERN, message = "must be MAJOR.MINOR.PATCH") String version,
        @NotNull SchemaType schemaType,
        @NotNull JsonNode schema) {

    PublishContractVersion toCommand(DataProductId id) {
        if (!schema.isObject()) {
            throw new InvalidInputException("schema", "a JSON Schema must be a JSON object");
        }
        return new PublishContractVersion(id, SemanticVersion.parse(version), schemaType, schema);
    }
}
