package com.acme.governance.query.audit.verify;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * A signed digest as the command side records it in {@code audit_digests} of the event store's database.
 *
 * @param issuedAt null when the stored field is no date: the record was altered, and its JSON then fails to verify
 * @param json     the digest's JSON exactly as it was signed, from the document or the GridFS file it names ({@code AuditDigest.toJson()} after
 *                 {@code DigestSignature.sign}): answered and verified as stored, never re-serialized
 */
public record StoredDigest(String id, Instant issuedAt, String rootHash, String json) {

    static final String ISSUED_AT = "issuedAt";

    /**
     * Read by hand, as {@link StoredEvent#of} is, so that an altered record is reported, not a server error.
     *
     * @param files the JSON of a digest kept in GridFS by its {@code jsonFile} id, or null when there is none
     */
    static StoredDigest of(BsonDocument document, UnaryOperator<String> files) {
        BsonValue issuedAt = document.get(ISSUED_AT);
        String json = BsonText.of(document.get("json"));
        String file = BsonText.of(document.get("jsonFile"));
        return new StoredDigest(BsonText.of(document.get("_id")),
                issuedAt != null && issuedAt.isDateTime() ? Instant.ofEpochMilli(issuedAt.asDateTime().getValue())
                        : null,
                BsonText.of(document.get("rootHash")), json == null && file != null ? files.apply(file) : json);
    }

}
