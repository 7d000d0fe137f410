package com.acme.governance.command.web;

/**
 * The read-your-writes token: the last event a command appended, as {@code <aggregateId>:<sequence>}. A read that
 * sends it back in {@link #HEADER} waits until the read models have applied that event (ADR 0005).
 */
public record GovernanceToken(String aggregateId, long sequence) {

    public static final String HEADER = "X-Governance-Token";

    /** The version clients see (the aggregate's event count, its ETag). */
    public long version() {
        return sequence + 1;
    }

    @Override
    public String toString() {
        return aggregateId + ":" + sequence;
    }
}
