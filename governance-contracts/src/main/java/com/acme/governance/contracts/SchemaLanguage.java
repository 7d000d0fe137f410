package com.acme.governance.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** What a compatibility mode needs of a schema language: each direction of reading, and the brief's rule. */
interface SchemaLanguage {

    /** Refuses a schema that the language cannot read; also called before any comparison. */
    void read(JsonNode schema);

    /**
     * What stops a consumer of {@code reader} from reading data written with {@code writer}; empty when it can.
     * Backward is {@code (reader: proposed, writer: earlier)}, forward the other way round.
     */
    List<SchemaChange> unreadable(JsonNode writer, JsonNode reader);

    /** The fields of {@code earlier} that {@code proposed} removed, newly requires or gave another type. */
    List<SchemaChange> consumerBreaking(JsonNode earlier, JsonNode proposed);
}
