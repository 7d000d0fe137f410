package com.acme.governance.contracts;

/** A difference between two schemas as a schema language's library reports it, before any mode judges it. */
record SchemaChange(String difference, String path, String detail) {
}
