package com.acme.governance.command.audit.digest.issuing;

import com.acme.governance.api.audit.AuditDigest;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The signed digests in full, one document each in {@value #COLLECTION} of the event store's database:
 * {@code {_id: <digest id>, issuedAt: <date>, rootHash, json: <the signed digest's JSON text>}}. The query side reads
 * them ({@code GET /audit/digest}) and checks {@code json}'s signature itself; the ledger's events name them by id.
 */
public class DigestArchive {

    public static final String COLLECTION = "audit_digests";
    static final String ISSUED_AT = "issuedAt";
    static final String ROOT_HASH = "rootHash";
    static final String JSON = "json";
    /** MongoDB's limit for one document, less room for its other fields. */
    static final int MAX_JSON_BYTES = 16 * 1024 * 1024 - 4 * 1024;

    private final MongoCollection<Document> digests;

    public DigestArchive(MongoCollection<Document> digests) {
        this.digests = digests;
    }

    /** The latest first: how the query side finds the current digest and the schedule its last one. */
    public void ensureIndexes() {
        digests.createIndex(Indexes.descending(ISSUED_AT));
    }

    /**
     * @param json the text of {@code signed.toJson()}, exactly as it was signed and is answered
     * @throws DigestTooLargeException when the digest is larger than one MongoDB document can hold
     */
    public void store(String digestId, AuditDigest signed, String json) {
        if (json.length() > MAX_JSON_BYTES / 4 && json.getBytes(StandardCharsets.UTF_8).length > MAX_JSON_BYTES) {
            throw new DigestTooLargeException(signed.heads().size(), MAX_JSON_BYTES);
        }
        digests.insertOne(new Document("_id", digestId)
                .append(ISSUED_AT, Date.from(signed.issuedAt()))
                .append(ROOT_HASH, signed.rootHash())
                .append(JSON, json));
    }

    /** When the latest stored digest was issued, by any instance; empty before the first. */
    public Optional<Instant> latestIssuedAt() {
        Document latest = digests.find().sort(Sorts.descending(ISSUED_AT))
                .projection(Projections.include(ISSUED_AT)).first();
        return Optional.ofNullable(latest).map(document -> document.getDate(ISSUED_AT).toInstant());
    }
}
