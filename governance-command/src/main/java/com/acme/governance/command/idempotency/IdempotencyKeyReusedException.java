package com.acme.governance.command.idempotency;

/** The key was first used for another request: replaying that answer would answer a request it was not for. */
class IdempotencyKeyReusedException extends RuntimeException {
    IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used for another request (method, path or body); use a new key for a new "
                + "request");
    }
}
