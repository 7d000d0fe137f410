package com.acme.governance.api.dataproduct;

import com.acme.governance.api.audit.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;

@EventType("governance.dataproduct.contract-version-published")
@Revision("1")
public record ContractVersionPublished(DataProductId id, SemanticVersion version, SchemaType schemaType, JsonNode schema) {
}
