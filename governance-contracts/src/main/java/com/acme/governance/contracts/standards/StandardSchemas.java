package com.acme.governance.contracts.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;

/**
 * The open standards' own JSON Schemas (draft 2019-09, shipped in {@code standards/} with their licences), against
 * which every document exported or imported is validated; nothing is fetched.
 */
public final class StandardSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09);
    private static final Schema ODCS = REGISTRY.getSchema(
            SchemaLocation.of("classpath:standards/odcs-json-schema-v3.1.0.json"));
    private static final Schema ODPS = REGISTRY.getSchema(
            SchemaLocation.of("classpath:standards/odps-json-schema-v1.0.0.json"));

    private StandardSchemas() {
    }

    /** Where and why a document is not an Open Data Contract Standard v3.1.0 document; empty when it is one. */
    public static List<String> odcsProblems(JsonNode document) {
        return describe(ODCS.validate(document));
    }

    /** Where and why a document is not an Open Data Product Standard v1.0.0 descriptor; empty when it is one. */
    public static List<String> odpsProblems(JsonNode document) {
        return describe(ODPS.validate(document));
    }

    private static List<String> describe(List<Error> errors) {
        return errors.stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }
}
