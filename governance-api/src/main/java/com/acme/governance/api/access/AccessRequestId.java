package com.acme.governance.api.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of an access request, which its grant shares: a UUID in canonical form, kept in lower case as the command
 * side makes it. {@link UUID#fromString} alone is too lenient, it also takes forms such as {@code 1-2-3-4-5}.
 */
public record AccessRequestId(String value) {

    public static final String PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern CANONICAL = Pattern.compile(PATTERN);

    public AccessRequestId {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("must be a UUID");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AccessRequestId of(String value) {
        return new AccessRequestId(value);
    }

    /** A new, random id. */
    public static AccessRequestId random() {
        return new AccessRequestId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
