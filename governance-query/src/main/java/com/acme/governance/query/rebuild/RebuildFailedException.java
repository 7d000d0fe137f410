package com.acme.governance.query.rebuild;

/** The rebuild cannot go on (before its swap, the live generation was never touched by it). */
class RebuildFailedException extends RuntimeException {

    RebuildFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
