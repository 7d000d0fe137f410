package com.acme.governance.query.parking;

/** No parked record has that id. */
public class ParkedEventNotFoundException extends RuntimeException {

    public ParkedEventNotFoundException(String id) {
        super("No parked record " + id);
    }
}
