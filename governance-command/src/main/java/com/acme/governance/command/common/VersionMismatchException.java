package com.acme.governance.command.common;

/** The client decided on a version of the aggregate that is no longer current ({@code If-Match}). */
public class VersionMismatchException extends RuntimeException {
    private final long expected;
    private final long actual;

    public VersionMismatchException(String aggregateId, long expected, long actual) {
        super(aggregateId + " is at version " + actual + ", not " + expected);
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
