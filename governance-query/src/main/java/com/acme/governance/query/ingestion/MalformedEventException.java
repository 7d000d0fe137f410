package com.acme.governance.query.ingestion;

/** A Kafka record whose envelope or payload cannot be read as a governance event. */
public class MalformedEventException extends RuntimeException {

    private final String type;

    public MalformedEventException(String type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    public MalformedEventException(String type, String message) {
        this(type, message, null);
    }

    /** The record's CloudEvents type, or null when the record is no CloudEvent. */
    public String type() {
        return type;
    }
}
