package com.acme.governance.command.web;

/** A change to an existing resource came without {@code If-Match}: the version the client decided on is unknown. */
public class PreconditionRequiredException extends RuntimeException {
    public PreconditionRequiredException() {
        super("If-Match is required: send the ETag you read, e.g. If-Match: \"3\"");
    }
}
