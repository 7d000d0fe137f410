package com.acme.governance.query.ingestion;

/**
 * An event arrived before one of its predecessors was applied. Thrown so that the record is retried: the missing
 * event may still be on its way (another instance, a rebalance) and must never be silently stepped over.
 */
public class ProjectionGapException extends RuntimeException {

    public ProjectionGapException(String message) {
        super(message);
    }
}
