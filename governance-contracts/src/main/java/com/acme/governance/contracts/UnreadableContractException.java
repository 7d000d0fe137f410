package com.acme.governance.contracts;

/** A contract that is not a schema of its type, so nothing can be compared with it. */
public class UnreadableContractException extends RuntimeException {

    public UnreadableContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
