package com.acme.governance.query.audit.verify;

import com.acme.governance.api.audit.AuditDigest;
import com.acme.governance.api.audit.BrokenLink;
import com.acme.governance.api.audit.ChainVerifier;
import com.acme.governance.api.audit.DigestSignature;
import com.acme.governance.api.audit.InvalidDigestException;
import com.acme.governance.api.audit.SealedEvent;
import com.acme.governance.api.audit.VerificationReport;
import com.acme.governance.query.audit.AuditEventDocument;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCursor;
import org.springframework.stereotype.Component;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Verifies the event store itself (adr/0024): streams the stored events in the store's order into a
 * {@link ChainVerifier}, against the latest digest when its signature verifies, and walks the audit trail's copies
 * alongside (a merge join), so that memory holds one batch of each and the chains' tips, never the history.
 */
@Component("queryStoreVerifier")
public class StoreVerifier {

    private final EventStore store;
    private final AuditCopies copies;
    private final VerificationKey key;
    private final SealedEvents sealedEvents;
    private final ObjectMapper objectMapper;
    private final EventStoreProperties properties;
    private final VerificationSlots slots;

    public StoreVerifier(EventStore queryEventStore, AuditCopies copies, VerificationKey key,
                         ObjectMapper objectMapper, EventStoreProperties properties) {
        this.store = queryEventStore;
        this.copies = copies;
        this.key = key;
        this.sealedEvents = new SealedEvents(objectMapper);
        this.objectMapper = objectMapper;
        this.properties = properties;
        this.slots = new VerificationSlots(properties.concurrentVerifications());
    }

    private record DigestChoice(AuditDigest digest, DigestUse use) {

        static final DigestChoice NONE = new DigestChoice(null, null);
    }

    /**
     * @param aggregateId null for the whole store
     * @param withDigest  whether to verify against the latest digest, if one is stored
     * @throws VerificationsBusyException while {@code concurrent-verifications} verifications run here already
     */
    public StoreVerificationReport verify(String aggregateId, boolean withDigest) {
        return slots.run(() -> verifyNow(aggregateId, withDigest));
    }

    private StoreVerificationReport verifyNow(String aggregateId, boolean withDigest) {
        DigestChoice choice = withDigest ? latestDigest(aggregateId) : DigestChoice.NONE;
        ChainVerifier chains = choice.digest() == null ? ChainVerifier.withoutDigest()
                : ChainVerifier.against(choice.digest());
        CopyCheck copyCheck = new CopyCheck(store);
        VerificationProgress progress = new VerificationProgress(properties.progressInterval());
        long events = 0;
        try (MongoCursor<StoredEvent> stored = store.inStoreOrder(aggregateId, properties.batchSize());
             MongoCursor<AuditEventDocument> copied = copies.inStoreOrder(aggregateId, properties.batchSize())) {
            AuditEventDocument copy = next(copied);
            while (stored.hasNext()) {
                StoredEvent event = stored.next();
                if (!event.belongsToAnAggregate()) {
                    continue;
                }
                SealedEvent sealed = sealedEvents.of(event);
                chains.accept(sealed);
                while (copy != null && CopyCheck.order(copy, sealed) < 0) {
                    copyCheck.withoutStoredEvent(copy);
                    copy = next(copied);
                }
                boolean copyArrived = copy != null && CopyCheck.isCopyOf(copy, sealed);
                copyCheck.stored(sealed, copyArrived ? copy : null);
                if (copyArrived) {
                    copy = next(copied);
                }
                progress.eventDone(++events, event.aggregateId());
            }
            for (; copy != null; copy = next(copied)) {
                copyCheck.withoutStoredEvent(copy);
            }
        }
        StoreVerificationReport report = report(chains.report(), copyCheck, choice.use());
        progress.finished(report);
        return report;
    }

    private static StoreVerificationReport report(VerificationReport chains, CopyCheck copyCheck, DigestUse digest) {
        BrokenLink firstBroken = chains.firstBroken() != null ? chains.firstBroken() : copyCheck.firstFault();
        boolean digestTrusted = digest == null || digest.status() != DigestUse.Status.INVALID;
        return new StoreVerificationReport(firstBroken == null && digestTrusted, chains.eventsChecked(),
                chains.aggregatesChecked(), firstBroken, copyCheck.checked(), copyCheck.behind(), digest);
    }

    private DigestChoice latestDigest(String aggregateId) {
        Optional<StoredDigest> latest = store.latestDigest();
        if (latest.isEmpty()) {
            return DigestChoice.NONE;
        }
        StoredDigest stored = latest.get();
        Optional<PublicKey> publicKey = key.publicKey();
        if (publicKey.isEmpty()) {
            return new DigestChoice(null, DigestUse.unchecked(stored));
        }
        try {
            AuditDigest digest = DigestSignature.verified(objectMapper.readTree(stored.json()), publicKey.get());
            return new DigestChoice(aggregateId == null ? digest : onlyHeadOf(digest, aggregateId),
                    DigestUse.verified(stored));
        } catch (InvalidDigestException e) {
            return new DigestChoice(null, DigestUse.invalid(stored, e.getMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new DigestChoice(null, DigestUse.invalid(stored, "not a digest's JSON text"));
        }
    }

    /** The digest as one aggregate's verification sees it: the other aggregates' heads are not its to reach. */
    private static AuditDigest onlyHeadOf(AuditDigest digest, String aggregateId) {
        Map<String, AuditDigest.Head> head = new TreeMap<>();
        Optional.ofNullable(digest.heads().get(aggregateId)).ifPresent(found -> head.put(aggregateId, found));
        return new AuditDigest(digest.issuedAt(), digest.eventCount(), new TreeMap<>(head), digest.rootHash(),
                digest.keyId(), digest.signature());
    }

    private static <T> T next(MongoCursor<T> cursor) {
        return cursor.hasNext() ? cursor.next() : null;
    }
}
