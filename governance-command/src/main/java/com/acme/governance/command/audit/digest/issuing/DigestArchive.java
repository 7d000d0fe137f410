package com.acme.governance.command.audit.digest.issuing;

import com.acme.governance.api.audit.AuditDigest;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.BsonString;
import org.bson.Document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The signed digests in full, one document each in {@value #COLLECTION} of the event store's database:
 * {@code {_id: <digest id>, issuedAt: <date>, rootHash, json: <the signed digest's JSON text>}}. The query side reads
 * them ({@code GET /audit/digest}) and checks {@code json}'s signature itself; the ledger's events name them by id.
 * A digest whose JSON does not fit in one document (its heads name about 100,000 aggregates or more) keeps its JSON
 * in the GridFS bucket {@value #JSON_BUCKET} under the digest's id instead, and its document says so with
 * {@code jsonFile: <digest id>} in place of {@code json}: the file is written first, so a document never names a
 * file that is not there (adr/0025).
 */
public class DigestArchive {

    public static final String COLLECTION = "audit_digests";
    /** GridFS bucket of the digests too large to be one document: {@code audit_digest_json.files} and {@code .chunks}. */
    public static final String JSON_BUCKET = "audit_digest_json";
    static final String ISSUED_AT = "issuedAt";
    static final String ROOT_HASH = "rootHash";
    static final String JSON = "json";
    static final String JSON_FILE = "jsonFile";
    /** MongoDB's limit for one document (16 MiB), less room for its other fields. */
    static final int MAX_INLINE_JSON_BYTES = 16 * 1024 * 1024 - 4 * 1024;

    private final MongoCollection<Document> digests;
    private final GridFSBucket files;
    private final int maxInlineJsonBytes;

    public DigestArchive(MongoDatabase eventStoreDatabase) {
        this(eventStoreDatabase, MAX_INLINE_JSON_BYTES);
    }

    /** @param maxInlineJsonBytes the largest JSON kept in the digest's document itself (lower in tests) */
    DigestArchive(MongoDatabase eventStoreDatabase, int maxInlineJsonBytes) {
        this.digests = eventStoreDatabase.getCollection(COLLECTION);
        this.files = GridFSBuckets.create(eventStoreDatabase, JSON_BUCKET);
        this.maxInlineJsonBytes = maxInlineJsonBytes;
    }

    /** The latest first: how the query side finds the current digest and the schedule its last one. */
    public void ensureIndexes() {
        digests.createIndex(Indexes.descending(ISSUED_AT));
    }

    /** @param json the text of {@code signed.toJson()}, exactly as it was signed and is answered */
    public void store(String digestId, AuditDigest signed, String json) {
        Document digest = new Document("_id", digestId)
                .append(ISSUED_AT, Date.from(signed.issuedAt()))
                .append(ROOT_HASH, signed.rootHash());
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxInlineJsonBytes) {
            digest.append(JSON, json);
        } else {
            files.uploadFromStream(new BsonString(digestId), digestId + ".json", new ByteArrayInputStream(bytes));
            digest.append(JSON_FILE, digestId);
        }
        digests.insertOne(digest);
    }

    /** When the latest stored digest was issued, by any instance; empty before the first. */
    public Optional<Instant> latestIssuedAt() {
        Document latest = digests.find().sort(Sorts.descending(ISSUED_AT))
                .projection(Projections.include(ISSUED_AT)).first();
        return Optional.ofNullable(latest).map(document -> document.getDate(ISSUED_AT).toInstant());
    }
}
