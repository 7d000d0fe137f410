package com.acme.governance.query.web;

/**
 * The read model has not yet applied an event that the answer needs and that the event store already has (one
 * product's version that another's references); answered 503 with {@code Retry-After}, as it will catch up.
 */
public class ReadModelBehindException extends RuntimeException {

    public ReadModelBehindException(String message) {
        super(message);
    }
}
