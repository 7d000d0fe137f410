package com.acme.governance.query.audit.verify;

import com.acme.governance.api.audit.BrokenLink;
import com.acme.governance.api.audit.HashChain;
import com.acme.governance.api.audit.SealedEvent;
import com.acme.governance.query.audit.AuditEventDocument;

import java.util.Arrays;
import java.util.Objects;

/**
 * Compares the audit trail's copies with the stored events, both in the store's order (a merge join). A copy
 * that disagrees with its stored event in any hashed field or either hash, and a copy of an event the store does
 * not hold, are {@code copy-differs} at that copy's aggregate and sequence. A stored event without a copy is not a
 * fault: the read side is behind, and is counted as such.
 */
final class CopyCheck {

    private final EventStore store;
    private long checked;
    private long behind;
    private BrokenLink firstFault;

    CopyCheck(EventStore store) {
        this.store = store;
    }

    /** Compares the copy of this stored event, if it arrived. */
    void stored(SealedEvent stored, AuditEventDocument copy) {
        if (copy == null) {
            behind++;
            return;
        }
        checked++;
        if (!sameEvent(stored, copy)) {
            fault(copy);
        }
    }

    /**
     * A copy that sorts before every stored event not yet compared: the store does not hold its event, unless it was
     * appended after the verification read past its place.
     */
    void withoutStoredEvent(AuditEventDocument copy) {
        checked++;
        if (!store.holds(copy.aggregateId(), copy.sequence())) {
            fault(copy);
        }
    }

    static boolean isCopyOf(AuditEventDocument copy, SealedEvent stored) {
        return order(copy, stored) == 0;
    }

    /** Negative when the copy comes before the stored event in the store's order. */
    static int order(AuditEventDocument copy, SealedEvent stored) {
        return StoreOrder.compare(copy.aggregateId(), copy.sequence(), stored.link().aggregateId(),
                stored.link().sequenceNumber());
    }

    long checked() {
        return checked;
    }

    long behind() {
        return behind;
    }

    BrokenLink firstFault() {
        return firstFault;
    }

    private void fault(AuditEventDocument copy) {
        if (firstFault == null) {
            firstFault = new BrokenLink(copy.aggregateId(), copy.sequence(), BrokenLink.Reason.COPY_DIFFERS);
        }
    }

    private static boolean sameEvent(SealedEvent stored, AuditEventDocument copy) {
        if (!Objects.equals(stored.hash(), copy.hash())
                || !stored.previousHash().equals(copy.previousHash() == null ? "" : copy.previousHash())
                || copy.time() == null) {
            return false;
        }
        HashChain.Link copied = new HashChain.Link(copy.aggregateId(), copy.sequence(), copy.type(), copy.eventId(),
                copy.time(), copy.payload(), copy.principal(), copy.teams(), copy.roles(), copy.correlationId(),
                copy.causationId(), copy.issuer());
        return Arrays.equals(HashChain.canonicalBytes(stored.link()), HashChain.canonicalBytes(copied));
    }
}
