package com.acme.governance.query.audit.verify;

import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/**
 * A signed digest as the command side records it in {@code audit_digests} of the event store's database.
 *
 * @param json the digest's JSON exactly as it was signed ({@code AuditDigest.toJson()} after
 *             {@code DigestSignature.sign}): answered and verified as stored, never re-serialized
 */
public record StoredDigest(@BsonId String id, Instant issuedAt, String rootHash, String json) {

    static final String ISSUED_AT = "issuedAt";
}
