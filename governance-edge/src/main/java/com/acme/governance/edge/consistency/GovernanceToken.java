package com.acme.governance.edge.consistency;

import java.util.Objects;

/**
 * The read-your-writes token: the last event a command appended, as {@code <aggregateId>:<sequence>}. The command
 * side answers with it in {@link #HEADER}; a read that sends it back waits until the read models have applied that
 * event (ADR 0005). One format, written and read by this one type.
 */
public record GovernanceToken(String aggregateId, long sequence) {

    public static final String HEADER = "X-Governance-Token";

    private static final int MAX_LENGTH = 300;

    public GovernanceToken {
        Objects.requireNonNull(aggregateId, "aggregateId");
    }

    /** @throws IllegalArgumentException when the text is not {@code <aggregateId>:<non-negative sequence>} */
    public static GovernanceToken parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be <aggregateId>:<sequence>");
        }
        int colon = text.lastIndexOf(':');
        String aggregateId = colon < 0 ? "" : text.substring(0, colon).trim();
        String sequence = colon < 0 ? "" : text.substring(colon + 1).trim();
        if (aggregateId.isEmpty() || !sequence.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("must be <aggregateId>:<sequence>");
        }
        return new GovernanceToken(aggregateId, Long.parseLong(sequence));
    }

    /** The version clients see (the aggregate's event count, its ETag). */
    public long version() {
        return sequence + 1;
    }

    @Override
    public String toString() {
        return aggregateId + ":" + sequence;
    }
}
