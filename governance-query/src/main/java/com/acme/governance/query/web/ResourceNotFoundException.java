package com.acme.governance.query.web;

import java.time.Instant;

/** The addressed resource is not in the read model; answered 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resource, String id) {
        super(resource + " '" + id + "' not found");
    }

    /** The resource did not exist yet at the instant asked for. */
    public ResourceNotFoundException(String resource, String id, Instant asOf) {
        super(resource + " '" + id + "' did not exist yet at " + asOf);
    }
}
