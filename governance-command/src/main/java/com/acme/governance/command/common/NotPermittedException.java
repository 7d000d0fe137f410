package com.acme.governance.command.common;

/** The actor is authenticated but may not take this decision. */
public class NotPermittedException extends RuntimeException {
    public NotPermittedException(String message) {
        super(message);
    }
}
