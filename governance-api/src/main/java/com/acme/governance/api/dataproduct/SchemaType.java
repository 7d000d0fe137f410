package com.acme.governance.api.dataproduct;

/**
 * Schema languages a data contract can be written in; compatibility is checked for each. A JSON Schema or an Avro
 * schema is the contract's JSON itself; a Protobuf schema is its {@code .proto} file's text, as a JSON string.
 */
public enum SchemaType {
    JSON_SCHEMA,
    AVRO,
    PROTOBUF
}
