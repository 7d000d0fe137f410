package com.acme.governance.api.audit;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a verification found the history broken first, and how (adr/0022). */
public record BrokenLink(String aggregateId, long sequenceNumber, Reason reason) {

    public enum Reason {
        /** The recomputed hash differs from the stored one: the event's content changed. */
        HASH_MISMATCH("hash-mismatch"),
        /** The stored previousHash is not the predecessor's hash: an event was moved or replaced. */
        LINK_BROKEN("link-broken"),
        /** The sequence numbers of an aggregate do not run 0, 1, 2, ...: an event is missing or repeated. */
        SEQUENCE_GAP("sequence-gap"),
        /** Against a digest: the aggregate no longer reaches the digest's head, or holds another event there. */
        HEAD_MISMATCH("head-mismatch"),
        /** On the server: the event store and its published copy disagree. */
        COPY_DIFFERS("copy-differs");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }
}
