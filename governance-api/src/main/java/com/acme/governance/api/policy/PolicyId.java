package com.acme.governance.api.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** The id a steward chooses for a policy: lowercase {@code [a-z][a-z0-9-]{1,62}}. */
public record PolicyId(String value) {

    public static final String PATTERN = "[a-z][a-z0-9-]{1,62}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public PolicyId {
        if (value == null || !COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("must match " + PATTERN);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PolicyId of(String value) {
        return new PolicyId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
