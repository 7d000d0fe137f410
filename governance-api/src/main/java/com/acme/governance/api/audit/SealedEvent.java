package com.acme.governance.api.audit;

/**
 * An event as the hash chain sealed it: what its hash covers, and the two hashes stored with it. Built from the
 * event store by the server and from an export line by the offline verifier.
 */
public record SealedEvent(HashChain.Link link, String previousHash, String hash) {

    public SealedEvent {
        previousHash = previousHash == null ? "" : previousHash;
    }
}
