package com.acme.governance.command.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Keys and the first answers to them, in MongoDB ({@code idempotency_keys}), shared by every instance and kept
 * across restarts. One document per principal and key: the unique {@code _id} is the mutual exclusion between
 * concurrent first requests, on any instance. A document past its {@code expiresAt} counts as absent (the embedded
 * server has no TTL index, and a real one deletes late), and is deleted by {@link #purgeExpired()}.
 */
class IdempotencyStore {

    static final String COLLECTION = "idempotency_keys";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final String ID = "_id";
    private static final String PRINCIPAL = "principal";
    private static final String KEY = "key";
    private static final String FINGERPRINT = "fingerprint";
    private static final String STATE = "state";
    private static final String PENDING = "PENDING";
    private static final String COMPLETED = "COMPLETED";
    private static final String CLAIM = "claim";
    private static final String CREATED_AT = "createdAt";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String STATUS = "status";
    private static final String HEADERS = "headers";
    private static final String BODY = "body";
    /** A takeover of an expired key can itself race; a few rounds settle it. */
    private static final int CLAIM_ATTEMPTS = 3;

    /** What a request with a key may do. */
    sealed interface Claim {
        /** This request is the first (or the key had expired): it runs, and its answer is kept. */
        record Acquired(String id, String claimId) implements Claim {
        }

        /** The request was answered before: this is the answer. */
        record Replay(StoredResponse response) implements Claim {
        }
    }

    private final MongoCollection<Document> keys;
    private final Clock clock;
    private final IdempotencyProperties properties;

    IdempotencyStore(MongoCollection<Document> keys, Clock clock, IdempotencyProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Claims the key for a request, or answers what its first use answered.
     *
     * @throws IdempotencyKeyReusedException   if the key was first used for another request
     * @throws IdempotencyKeyInFlightException if its first use has not answered yet
     */
    Claim claim(String principal, IdempotencyKey key, String fingerprint) {
        String id = id(principal, key);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            String claimId = UUID.randomUUID().toString();
            try {
                keys.insertOne(new Document(ID, id)
                        .append(PRINCIPAL, principal)
                        .append(KEY, key.value())
                        .append(FINGERPRINT, fingerprint)
                        .append(STATE, PENDING)
                        .append(CLAIM, claimId)
                        .append(CREATED_AT, Date.from(now))
                        .append(EXPIRES_AT, Date.from(now.plus(properties.pendingTimeout()))));
                return new Claim.Acquired(id, claimId);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = keys.find(Filters.eq(ID, id)).first();
            if (existing == null) {
                continue; // released or purged in between: try to be first again
            }
            if (!existing.getDate(EXPIRES_AT).toInstant().isAfter(now)) {
                // expired, as if absent; only that very record is removed, not one a concurrent claimant just made
                keys.deleteOne(Filters.and(Filters.eq(ID, id), Filters.eq(CLAIM, existing.getString(CLAIM))));
                continue;
            }
            if (!fingerprint.equals(existing.getString(FINGERPRINT))) {
                throw new IdempotencyKeyReusedException();
            }
            if (PENDING.equals(existing.getString(STATE))) {
                throw new IdempotencyKeyInFlightException();
            }
            return new Claim.Replay(response(existing));
        }
        throw new IdempotencyKeyInFlightException();
    }

    /** Keeps the first answer for the retention period. */
    void complete(Claim.Acquired claim, StoredResponse response) {
        Instant now = clock.instant();
        Document headers = new Document();
        response.headers().forEach(headers::append);
        long updated = keys.updateOne(Filters.and(Filters.eq(ID, claim.id()), Filters.eq(CLAIM, claim.claimId())),
                Updates.combine(
                        Updates.set(STATE, COMPLETED),
                        Updates.set(STATUS, response.status()),
                        Updates.set(HEADERS, headers),
                        Updates.set(BODY, new Binary(response.body())),
                        Updates.set(EXPIRES_AT, Date.from(now.plus(properties.retention()))))).getMatchedCount();
        if (updated == 0) {
            log.warn("Idempotency key {} was given up after {} before its request answered; a repetition may have "
                    + "run again", claim.id(), properties.pendingTimeout());
        }
    }

    /** Frees the key, so that the client's retry runs again (a 5xx, or a failure that left no answer). */
    void release(Claim.Acquired claim) {
        keys.deleteOne(Filters.and(Filters.eq(ID, claim.id()), Filters.eq(CLAIM, claim.claimId())));
    }

    long purgeExpired() {
        return keys.deleteMany(Filters.lte(EXPIRES_AT, Date.from(clock.instant()))).getDeletedCount();
    }

    /** Where the server has TTL indexes (a real MongoDB), it deletes expired keys by itself; elsewhere the purge does. */
    void ensureTtlIndex() {
        try {
            keys.createIndex(Indexes.ascending(EXPIRES_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        } catch (MongoException e) {
            log.info("No TTL index on {} ({}); expired idempotency keys are purged every {}", COLLECTION,
                    e.getMessage(), properties.cleanupInterval());
        }
    }


    /** Principal and key in one unique id; a key has no space, so the last space separates them unambiguously. */
    private static String id(String principal, IdempotencyKey key) {
        return principal + " " + key.value();
    }

    private static StoredResponse response(Document document) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Document stored = document.get(HEADERS, Document.class);
        if (stored != null) {
            stored.forEach((name, values) -> headers.put(name, ((List<?>) values).stream().map(String::valueOf).toList()));
        }
        Binary body = document.get(BODY, Binary.class);
        return new StoredResponse(document.getInteger(STATUS), headers, body == null ? new byte[0] : body.getData());
    }
}
