package com.acme.governance.api.audit;

/** A digest that cannot be trusted or read: malformed, its root hash wrong, or its signature not the key's. */
public class InvalidDigestException extends RuntimeException {

    public InvalidDigestException(String message) {
        super(message);
    }

    public InvalidDigestException(String message, Throwable cause) {
        super(message, cause);
    }
}
