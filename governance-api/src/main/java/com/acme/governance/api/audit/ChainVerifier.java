package com.acme.governance.api.audit;

import com.acme.governance.api.audit.BrokenLink.Reason;

import java.util.HashMap;
import java.util.Map;

/**
 * Recomputes the hash chains of a stream of sealed events (adr/0022). The aggregates may interleave in any way,
 * but each aggregate's events must come in sequence order, as the event store and the audit trail give them.
 * Only the last sequence and hash of each aggregate are kept, so memory grows with the aggregates, not the events.
 *
 * <p>Each event is checked in this order: its sequence follows its predecessor's (else {@code sequence-gap}), its
 * previousHash is its predecessor's hash (else {@code link-broken}), its recomputed hash is the stored one (else
 * {@code hash-mismatch}), and, where the digest names a head at its sequence, its hash is that head's (else
 * {@code head-mismatch}). Two swapped events thus show as {@code link-broken} at the first of the two positions:
 * each event is intact, but it no longer follows the one before it. Once an aggregate is broken its later events
 * are counted, not checked. The first broken point reported is the first one met in input order; the digest's
 * heads that are never reached come after the whole input, in aggregate id order.
 *
 * <p>Not thread-safe: one verifier reads one stream.
 */
public final class ChainVerifier {

    private record Tip(long sequence, String hash, boolean broken) {
    }

    private final AuditDigest digest;
    private final Map<String, Tip> tips = new HashMap<>();
    private long eventsChecked;
    private BrokenLink firstBroken;

    private ChainVerifier(AuditDigest digest) {
        this.digest = digest;
    }

    public static ChainVerifier withoutDigest() {
        return new ChainVerifier(null);
    }

    /** Verifies against a digest whose signature the caller has already checked ({@link DigestSignature}). */
    public static ChainVerifier against(AuditDigest digest) {
        return new ChainVerifier(digest);
    }

    public void accept(SealedEvent event) {
        eventsChecked++;
        String aggregateId = event.link().aggregateId();
        Tip tip = tips.get(aggregateId);
        if (tip != null && tip.broken()) {
            return;
        }
        long expected = tip == null ? 0 : tip.sequence() + 1;
        long sequence = event.link().sequenceNumber();
        Reason fault = faultOf(event, expected, tip == null ? "" : tip.hash());
        if (fault != null) {
            // a gap names the first missing sequence; a repeated or backward one names itself
            broken(new BrokenLink(aggregateId, fault == Reason.SEQUENCE_GAP ? Math.min(sequence, expected) : sequence,
                    fault));
        }
        tips.put(aggregateId, new Tip(sequence, event.hash(), fault != null));
    }

    private Reason faultOf(SealedEvent event, long expected, String predecessorHash) {
        if (event.link().sequenceNumber() != expected) {
            return Reason.SEQUENCE_GAP;
        }
        if (!event.previousHash().equals(predecessorHash)) {
            return Reason.LINK_BROKEN;
        }
        if (!HashChain.hash(event.previousHash(), event.link()).equals(event.hash())) {
            return Reason.HASH_MISMATCH;
        }
        AuditDigest.Head head = digest == null ? null : digest.heads().get(event.link().aggregateId());
        if (head != null && head.sequence() == expected && !head.hash().equals(event.hash())) {
            return Reason.HEAD_MISMATCH;
        }
        return null;
    }

    private void broken(BrokenLink link) {
        if (firstBroken == null) {
            firstBroken = link;
        }
    }

    /** The report of everything accepted so far, with the digest's unreached heads checked at the end. */
    public VerificationReport report() {
        if (digest != null && firstBroken == null) {
            digest.heads().forEach((aggregateId, head) -> {
                Tip tip = tips.get(aggregateId);
                if (tip == null || tip.sequence() < head.sequence()) {
                    broken(new BrokenLink(aggregateId, tip == null ? 0 : tip.sequence() + 1, Reason.HEAD_MISMATCH));
                }
            });
        }
        return VerificationReport.of(eventsChecked, tips.size(), firstBroken);
    }
}
