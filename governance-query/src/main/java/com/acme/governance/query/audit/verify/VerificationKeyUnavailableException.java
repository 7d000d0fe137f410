package com.acme.governance.query.audit.verify;

/** A public key is configured but cannot be read: the service's fault, answered 503 until an operator fixes it. */
class VerificationKeyUnavailableException extends RuntimeException {

    VerificationKeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
