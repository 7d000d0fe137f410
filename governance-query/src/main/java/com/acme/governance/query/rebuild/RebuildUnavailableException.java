package com.acme.governance.query.rebuild;

/** This instance is starting or stopping, so it starts no rebuild now; nothing was recorded, the caller retries. */
public class RebuildUnavailableException extends RuntimeException {

    public RebuildUnavailableException() {
        super("this instance is starting or stopping and starts no rebuild now; nothing was recorded, retry shortly");
    }
}
