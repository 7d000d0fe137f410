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

    /** The record's {@code ce_type}, or null when even that is missing. */
    public String type() {
        return type;
    }
}
