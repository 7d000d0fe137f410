package com.acme.governance.contracts;

/** A contract names a contract version that the catalog does not have: refused, never read without it. */
public class UnresolvedReferenceException extends RuntimeException {

    public UnresolvedReferenceException(String message) {
        super(message);
    }
}
