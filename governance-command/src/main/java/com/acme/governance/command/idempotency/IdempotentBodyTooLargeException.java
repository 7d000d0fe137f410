package com.acme.governance.command.idempotency;

/** A body too large to be held for comparison with its repetitions (governance.idempotency.max-body-size). */
class IdempotentBodyTooLargeException extends RuntimeException {
    IdempotentBodyTooLargeException(long maxBytes) {
        super("A request with an Idempotency-Key may have a body of at most " + maxBytes + " bytes");
    }
}
