package com.acme.governance.command.common;

/** Input whose shape is right but whose value is not (a schema that is not an object, a bad id...). */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
