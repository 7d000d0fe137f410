package com.acme.governance.api.dataproduct;

/**
 * Schema languages a data contract can be written in; compatibility is checked for each. A JSON Schema or an Avro
 * schema is the contract's JSON itself.
 */
public enum SchemaType {
    JSON_SCHEMA,
    AVRO
}
