package com.acme.governance.command.common;

/** The decision is not allowed in the aggregate's current state. */
public class IllegalTransitionException extends RuntimeException {
    public IllegalTransitionException(String message) {
        super(message);
    }
}
