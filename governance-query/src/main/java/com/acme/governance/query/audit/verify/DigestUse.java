package com.acme.governance.query.audit.verify;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;

/**
 * Which digest a verification took, and whether it could trust it.
 *
 * @param problem why the digest was not used; null when it was
 */
public record DigestUse(String id, Instant issuedAt, Status status, String problem) {

    public enum Status {
        /** Its signature verified with the configured key: the history was checked against its heads. */
        VERIFIED("verified"),
        /**
         * Malformed, or its signature does not verify: the digest record itself was altered or forged, so the
         * verification is not valid, and the chains are checked without it.
         */
        INVALID("invalid"),
        /** No public key is configured, so its signature cannot be checked: the chains are checked without it. */
        UNCHECKED("unchecked");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    static DigestUse verified(StoredDigest digest) {
        return new DigestUse(digest.id(), digest.issuedAt(), Status.VERIFIED, null);
    }

    static DigestUse invalid(StoredDigest digest, String problem) {
        return new DigestUse(digest.id(), digest.issuedAt(), Status.INVALID, problem);
    }

    static DigestUse unchecked(StoredDigest digest) {
        return new DigestUse(digest.id(), digest.issuedAt(), Status.UNCHECKED,
                "no public key is configured (governance.audit.public-key)");
    }
}
