package com.acme.governance.query.parking;

import com.acme.governance.query.ingestion.ParkCategory;

/** Only records that are no event at all can be discarded; an event is never skipped. */
public class ParkedEventNotDiscardableException extends RuntimeException {

    public ParkedEventNotDiscardableException(String id, ParkCategory category) {
        super("Parked record " + id + " is " + category.code() + ": it is an event (or held behind one) and cannot be "
                + "discarded; retry it once this service can apply it");
    }
}
