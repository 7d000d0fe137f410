package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.SchemaType;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One published contract version.
 *
 * @param references the other products' contract versions its schema needs, {@code {productId}@{version}}
 * @param odcs       the ODCS document it was published as, if it was: what its ODCS export answers (kept out of
 *                   the product's JSON, which has the schema)
 */
public record ContractVersionView(String version, SchemaType schemaType, JsonNode schema, Instant publishedAt,
                                  String publishedBy, List<String> references, @JsonIgnore JsonNode odcs) {

    public ContractVersionView {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
