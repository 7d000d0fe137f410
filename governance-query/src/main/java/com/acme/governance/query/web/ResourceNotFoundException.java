package com.acme.governance.query.web;

/** The addressed resource is not in the read model; answered 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resource, String id) {
        super(resource + " '" + id + "' not found");
    }
}
