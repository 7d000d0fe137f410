package com.acme.governance.api.dataproduct;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** A tag of a data product, which policy rules match on: lowercase {@code [a-z0-9][a-z0-9-]{0,62}}. */
public record Tag(String value) {

    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,62}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public Tag {
        if (value == null || !COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("must match " + PATTERN);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Tag of(String value) {
        return new Tag(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
