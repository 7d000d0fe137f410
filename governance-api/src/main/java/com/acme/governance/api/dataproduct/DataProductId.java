package com.acme.governance.api.dataproduct;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** {@code {domain}.{name}}, both lowercase {@code [a-z][a-z0-9-]{1,62}}: unique by construction. */
public record DataProductId(String domain, String name) {

    public static final String SEGMENT = "[a-z][a-z0-9-]{1,62}";
    /** The whole id, as OpenAPI documents it. */
    public static final String PATTERN = SEGMENT + "\\." + SEGMENT;
    private static final Pattern SEGMENT_PATTERN = Pattern.compile(SEGMENT);

    public DataProductId {
        requireSegment("domain", domain);
        requireSegment("name", name);
    }

    @JsonCreator
    public static DataProductId of(String id) {
        if (id == null) {
            throw new IllegalArgumentException("data product id is required");
        }
        int dot = id.indexOf('.');
        if (dot < 0 || dot != id.lastIndexOf('.')) {
            throw new IllegalArgumentException("data product id must be {domain}.{name}, got '" + id + "'");
        }
        return new DataProductId(id.substring(0, dot), id.substring(dot + 1));
    }

    public static boolean isSegment(String value) {
        return value != null && SEGMENT_PATTERN.matcher(value).matches();
    }

    private static void requireSegment(String field, String value) {
        if (!isSegment(value)) {
            throw new IllegalArgumentException(field + " must match " + SEGMENT + ", got '" + value + "'");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return domain + "." + name;
    }
}
