package com.acme.governance.command.web;

/**
 * A change to an existing resource came without a precondition it can be checked against: no {@code If-Match}, or
 * {@code If-Match: *}, which only says that the resource exists (ADR 0010). The answer names the current ETag, so
 * that the client's next attempt is a decision on a version it has seen.
 */
public class PreconditionRequiredException extends RuntimeException {

    private final long currentVersion;

    public PreconditionRequiredException(String aggregateId, IfMatch given, long currentVersion) {
        super((given instanceof IfMatch.Any ? "If-Match: * would overwrite whatever is current" : "If-Match is required")
                + ": send the ETag you read of " + aggregateId + ", e.g. If-Match: " + IfMatch.etag(currentVersion));
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
