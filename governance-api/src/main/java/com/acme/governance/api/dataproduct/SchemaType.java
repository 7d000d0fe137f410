package com.acme.governance.api.dataproduct;

/** Schema languages a data contract can be written in; compatibility is checked for each. */
public enum SchemaType {
    JSON_SCHEMA
}
