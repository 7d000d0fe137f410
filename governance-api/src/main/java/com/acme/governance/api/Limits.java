package com.acme.governance.api;

/** Size limits of the contract, shared by every feature; each identifier's pattern is declared by its value type. */
public final class Limits {
    public static final int TITLE = 200;
    public static final int DESCRIPTION = 4000;
    public static final int TEAM = 63;
    public static final int TAG = 63;
    public static final int TAGS = 32;
    public static final int PORTS = 32;
    public static final int REASON = 2000;
    public static final int PURPOSE = 1000;
    public static final int RULES = 50;
    public static final int MAX_GRANT_DAYS = 3650;

    // Limits of every request body, checked before any work (see adr/0009). Bytes where bytes matter: what is
    // stored and relayed to Kafka is measured in UTF-8 bytes, not in Java characters.

    /** Bytes of a request body: a larger one is refused with 413 before it is read. */
    public static final int REQUEST_BODY_BYTES = 1024 * 1024;
    /** Depth of nested JSON objects and arrays, the body itself counting as the first level. */
    public static final int JSON_NESTING_DEPTH = 64;
    /** Characters of one JSON string value anywhere in a body; each field's own limit is lower. */
    public static final int JSON_STRING_CHARS = 64 * 1024;
    /** Characters of one JSON object key (a field name, or a property name in a schema). */
    public static final int JSON_NAME_CHARS = 1024;
    /** Characters of one JSON number: no integer or decimal needs more; longer ones are a parser's burden. */
    public static final int JSON_NUMBER_CHARS = 100;
    /** JSON tokens (values, keys, brackets) of one body: bounds the work of any array or object in it. */
    public static final int JSON_TOKENS = 100_000;
    /** UTF-8 bytes of a contract's schema as serialized JSON: well below Kafka's default record size of 1 MiB. */
    public static final int SCHEMA_BYTES = 256 * 1024;
    /** Elements of any one array inside a contract's schema (an {@code enum}, {@code required}, ...). */
    public static final int SCHEMA_ARRAY_ELEMENTS = 1000;

    private Limits() {
    }
}
