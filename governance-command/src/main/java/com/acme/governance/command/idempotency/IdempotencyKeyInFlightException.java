package com.acme.governance.command.idempotency;

/** The first request with this key has not answered yet; its answer is not known, so there is nothing to replay. */
class IdempotencyKeyInFlightException extends RuntimeException {
    IdempotencyKeyInFlightException() {
        super("A request with this Idempotency-Key is still being processed; retry in a moment to get its answer");
    }
}
