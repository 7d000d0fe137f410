package com.acme.governance.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * The name of a team, which owns data products and consumes them: lowercase {@code [a-z][a-z0-9-]{1,62}}. Shared
 * by every feature, hence beside {@link Limits} rather than in one feature's package.
 */
public record TeamName(String value) {

    public static final String PATTERN = "[a-z][a-z0-9-]{1,62}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public TeamName {
        if (value == null || !COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("must match " + PATTERN);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TeamName of(String value) {
        return new TeamName(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
