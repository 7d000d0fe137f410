package com.acme.governance.query.consistency;

import java.util.Objects;

/**
 * The read-your-writes token the command side answers with: {@code <aggregateId>:<sequence>}, the sequence of the
 * last event the command appended.
 */
public record ConsistencyToken(String aggregateId, long sequence) {

    public static final String HEADER = "X-Governance-Token";

    private static final int MAX_LENGTH = 300;

    public ConsistencyToken {
        Objects.requireNonNull(aggregateId, "aggregateId");
    }

    /** @throws IllegalArgumentException when the text is not {@code <aggregateId>:<non-negative sequence>} */
    public static ConsistencyToken parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be <aggregateId>:<sequence>");
        }
        int colon = text.lastIndexOf(':');
        String aggregateId = colon < 0 ? "" : text.substring(0, colon).trim();
        String sequence = colon < 0 ? "" : text.substring(colon + 1).trim();
        if (aggregateId.isEmpty() || !sequence.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("must be <aggregateId>:<sequence>");
        }
        return new ConsistencyToken(aggregateId, Long.parseLong(sequence));
    }

    @Override
    public String toString() {
        return aggregateId + ":" + sequence;
    }
}
