package com.acme.governance.query.ingestion;

/** A record of the event topic that is not a governance event this version can apply; it is parked, not retried. */
public class UndecodableRecordException extends RuntimeException {

    private final ParkCategory category;

    public UndecodableRecordException(ParkCategory category, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
    }

    public ParkCategory category() {
        return category;
    }
}
