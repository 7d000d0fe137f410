package com.acme.governance.command.idempotency;

import com.acme.governance.edge.problem.InvalidInputException;

import java.util.List;

/**
 * A client's {@code Idempotency-Key}: 1 to 255 visible ASCII characters. The IETF draft
 * (draft-ietf-httpapi-idempotency-key-header) makes it a structured-field string, {@code "abc"}; the bare token
 * most clients send, {@code abc}, is the same key.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    /** The key of a request, or null when it has none; more than one, or a malformed one, is invalid input. */
    static IdempotencyKey of(List<String> headerValues) {
        if (headerValues.isEmpty()) {
            return null;
        }
        if (headerValues.size() > 1) {
            throw invalid("send one Idempotency-Key");
        }
        String value = headerValues.get(0).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
            if (value.contains("\"") || value.contains("\\")) {
                throw invalid("a quoted Idempotency-Key may not contain quotes or backslashes");
            }
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw invalid("Idempotency-Key must be 1 to " + MAX_LENGTH + " visible ASCII characters, e.g. a UUID");
        }
        return new IdempotencyKey(value);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(HEADER, message);
    }
}
