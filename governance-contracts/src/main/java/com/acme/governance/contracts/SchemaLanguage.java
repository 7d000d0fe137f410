package com.acme.governance.contracts;

import com.acme.governance.contracts.ContractCompatibility.Version;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * What a compatibility mode needs of a schema language: each direction of reading, and the brief's rule. Each
 * version comes with the contract versions it references, to be read with it.
 */
interface SchemaLanguage {

    /** Refuses a schema that the language cannot read; also called before any comparison. */
    void read(Version version);

    /**
     * What stops a consumer of {@code reader} from reading data written with {@code writer}; empty when it can.
     * Backward is {@code (reader: proposed, writer: earlier)}, forward the other way round.
     */
    List<SchemaChange> unreadable(Version writer, Version reader);

    /** The fields of {@code earlier} that {@code proposed} removed, newly requires or gave another type. */
    List<SchemaChange> consumerBreaking(Version earlier, Version proposed);

    /** The references the schema names in its own syntax, {@code {productId}@{version}} (none if it has none). */
    Set<String> namedReferences(JsonNode schema);
}
