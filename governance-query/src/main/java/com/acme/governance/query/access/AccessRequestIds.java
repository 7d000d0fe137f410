package com.acme.governance.query.access;

import com.acme.governance.edge.problem.InvalidInputException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ids of access requests, which their grants share: UUIDs in canonical form, as the command side makes them
 * (lower case). {@link java.util.UUID#fromString} alone is too lenient, it also takes forms such as {@code 1-2-3-4-5}.
 */
final class AccessRequestIds {

    static final String PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private static final Pattern CANONICAL = Pattern.compile(PATTERN);

    private AccessRequestIds() {
    }

    /** @throws InvalidInputException naming the path variable {@code id} when it is not a UUID */
    static String parse(String id) {
        if (id == null || !CANONICAL.matcher(id).matches()) {
            throw new InvalidInputException("id", "must be a UUID");
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
