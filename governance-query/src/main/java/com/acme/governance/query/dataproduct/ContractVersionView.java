package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.SchemaType;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

public record ContractVersionView(String version, SchemaType schemaType, JsonNode schema, Instant publishedAt,
                                  String publishedBy) {
}
