package com.acme.governance.command.web;

/**
 * {@code If-Match} named an entity-tag that can never match for an update: a weak one ({@code W/"3"}, which strong
 * comparison never matches, RFC 9110 section 8.8.3.2) or one this service does not give out.
 */
public class PreconditionFailedException extends RuntimeException {

    private final long currentVersion;

    public PreconditionFailedException(String aggregateId, IfMatch.Tag given, long currentVersion) {
        super(given + " does not match " + aggregateId + (given.weak() ? " (an update needs the strong ETag)" : "")
                + "; its current ETag is " + IfMatch.etag(currentVersion));
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
