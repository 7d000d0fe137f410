package com.acme.governance.command.web;

import com.acme.governance.command.common.InvalidInputException;

/** Reads the version a client decided on from {@code If-Match: "<version>"}. */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * The version the client decided on; null for {@code If-Match: *}, a client's explicit "whatever is current".
     * A change without the header could silently overwrite someone else's: it is refused with 428.
     */
    public static Long version(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException();
        }
        if (header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "If-Match must be the ETag of the resource, e.g. \"3\"");
        }
    }
}
