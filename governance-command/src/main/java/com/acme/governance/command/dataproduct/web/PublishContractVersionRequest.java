package com.acme.governance.command.dataproduct.web;

import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.PublishContractVersion;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.command.common.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A contract version. The schema's size is bounded well below Kafka's default record size (1 MiB): every event must
 * fit on the published log, or the relay could not pass it.
 */
record PublishContractVersionRequest(
        @NotNull @Pattern(regexp = SemanticVersion.PATTERN, message = "must be MAJOR.MINOR.PATCH") String version,
        @NotNull SchemaType schemaType,
        @NotNull JsonNode schema) {

    static final int MAX_SCHEMA_CHARACTERS = 256 * 1024;

    PublishContractVersion toCommand(DataProductId id) {
        if (!schema.isObject()) {
            throw new InvalidInputException("schema", "a JSON Schema must be a JSON object");
        }
        if (schema.toString().length() > MAX_SCHEMA_CHARACTERS) {
            throw new InvalidInputException("schema", "a schema may have at most " + MAX_SCHEMA_CHARACTERS
                    + " characters of JSON");
        }
        return new PublishContractVersion(id, SemanticVersion.parse(version), schemaType, schema);
    }
}
