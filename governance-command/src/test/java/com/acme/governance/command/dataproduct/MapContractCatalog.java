package com.acme.governance.command.dataproduct;

import com.acme.governance.api.dataproduct.ContractReference;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.contracts.ContractReferences;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Other products' published contract versions, for the aggregate's fixtures; the event store's stand-in. */
final class MapContractCatalog implements ContractCatalog {

    private final Map<ContractReference, ContractReferences.Published> versions = new HashMap<>();

    MapContractCatalog with(String reference, SchemaType schemaType, JsonNode schema, String... references) {
        versions.put(ContractReference.of(reference), new ContractReferences.Published(schemaType, schema,
                List.of(references).stream().map(ContractReference::of).toList()));
        return this;
    }

    @Override
    public Optional<ContractReferences.Published> find(ContractReference reference) {
        return Optional.ofNullable(versions.get(reference));
    }
}
