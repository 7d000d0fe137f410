package com.acme.governance.api.audit;

import com.acme.governance.api.audit.BrokenLink.Reason;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.acme.governance.api.audit.testing.SealedChains.atSequence;
import static com.acme.governance.api.audit.testing.SealedChains.chain;
import static com.acme.governance.api.audit.testing.SealedChains.digestOf;
import static com.acme.governance.api.audit.testing.SealedChains.interleaved;
import static com.acme.governance.api.audit.testing.SealedChains.sealed;
import static com.acme.governance.api.audit.testing.SealedChains.withPayload;
import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {

    private final List<SealedEvent> orders = chain("sales.orders", 4);
    private final List<SealedEvent> invoices = chain("sales.invoices", 3);

    private static VerificationReport verify(ChainVerifier verifier, List<SealedEvent> history) {
        history.forEach(verifier::accept);
        return verifier.report();
    }

    private static VerificationReport verify(List<SealedEvent> history) {
        return verify(ChainVerifier.withoutDigest(), history);
    }

    private static List<SealedEvent> copy(List<SealedEvent> events) {
        return new ArrayList<>(events);
    }

    @Test
    void anUntouchedHistoryIsValidWithEveryEventAndAggregateCounted() {
        assertThat(verify(interleaved(orders, invoices))).isEqualTo(new VerificationReport(true, 7, 2, null));
    }

    @Test
    void aChangedPayloadIsAHashMismatchAtThatEvent() {
        List<SealedEvent> tampered = copy(orders);
        tampered.set(2, withPayload(orders.get(2), JsonNodeFactory.instance.objectNode().put("step", 99)));

        assertThat(verify(interleaved(invoices, tampered)))
                .isEqualTo(new VerificationReport(false, 7, 2, new BrokenLink("sales.orders", 2, Reason.HASH_MISMATCH)));
    }

    @Test
    void aChangedEventWhoseHashWasRecomputedBreaksTheLinkOfItsSuccessor() {
        List<SealedEvent> tampered = copy(orders);
        SealedEvent edited = withPayload(orders.get(1), JsonNodeFactory.instance.objectNode().put("step", 99));
        tampered.set(1, new SealedEvent(edited.link(), edited.previousHash(),
                HashChain.hash(edited.previousHash(), edited.link())));

        assertThat(verify(tampered).firstBroken()).isEqualTo(new BrokenLink("sales.orders", 2, Reason.LINK_BROKEN));
    }

    @Test
    void twoSwappedEventsBreakTheLinkAtTheFirstOfThem() {
        List<SealedEvent> swapped = List.of(orders.get(0), atSequence(orders.get(2), 1), atSequence(orders.get(1), 2),
                orders.get(3));

        assertThat(verify(swapped).firstBroken()).isEqualTo(new BrokenLink("sales.orders", 1, Reason.LINK_BROKEN));
    }

    @Test
    void anEventDeletedInTheMiddleIsASequenceGapAtTheMissingSequence() {
        List<SealedEvent> deleted = copy(orders);
        deleted.remove(1);

        assertThat(verify(interleaved(deleted, invoices)))
                .isEqualTo(new VerificationReport(false, 6, 2, new BrokenLink("sales.orders", 1, Reason.SEQUENCE_GAP)));
    }

    @Test
    void aRepeatedEventIsASequenceGapAtItsOwnSequence() {
        List<SealedEvent> repeated = copy(orders);
        repeated.add(2, orders.get(1));

        assertThat(verify(repeated).firstBroken()).isEqualTo(new BrokenLink("sales.orders", 1, Reason.SEQUENCE_GAP));
    }

    @Test
    void aHistoryWithoutItsFirstEventIsASequenceGapAtZero() {
        assertThat(verify(orders.subList(1, 4)).firstBroken())
                .isEqualTo(new BrokenLink("sales.orders", 0, Reason.SEQUENCE_GAP));
    }

    @Test
    void aDeletedLastEventIsCaughtOnlyAgainstADigest() {
        List<SealedEvent> history = interleaved(orders, invoices);
        AuditDigest digest = digestOf(history);
        List<SealedEvent> truncated = interleaved(orders.subList(0, 3), invoices);

        assertThat(verify(truncated).valid()).isTrue();
        assertThat(verify(ChainVerifier.against(digest), truncated))
                .isEqualTo(new VerificationReport(false, 6, 2, new BrokenLink("sales.orders", 3, Reason.HEAD_MISMATCH)));
    }

    @Test
    void aDeletedAggregateIsAHeadMismatchAtSequenceZero() {
        AuditDigest digest = digestOf(interleaved(orders, invoices));

        assertThat(verify(ChainVerifier.against(digest), invoices))
                .isEqualTo(new VerificationReport(false, 3, 1, new BrokenLink("sales.orders", 0, Reason.HEAD_MISMATCH)));
    }

    @Test
    void aHistoryRewrittenAndResealedIsAHeadMismatchAtTheDigestsHead() {
        AuditDigest digest = digestOf(orders);
        SealedEvent forged = sealed(orders.get(2).hash(),
                withPayload(orders.get(3), JsonNodeFactory.instance.objectNode().put("step", 99)).link());

        assertThat(verify(ChainVerifier.against(digest), List.of(orders.get(0), orders.get(1), orders.get(2), forged))
                .firstBroken()).isEqualTo(new BrokenLink("sales.orders", 3, Reason.HEAD_MISMATCH));
    }

    @Test
    void eventsAppendedAfterTheDigestKeepTheHistoryValid() {
        AuditDigest digest = digestOf(interleaved(orders.subList(0, 2), invoices));

        assertThat(verify(ChainVerifier.against(digest), interleaved(orders, invoices, chain("sales.refunds", 2))))
                .isEqualTo(new VerificationReport(true, 9, 3, null));
    }

    @Test
    void theFirstBrokenPointInInputOrderIsReportedAndEveryEventStillCounted() {
        List<SealedEvent> gap = copy(invoices);
        gap.remove(1);
        List<SealedEvent> changed = copy(orders);
        changed.set(3, withPayload(orders.get(3), JsonNodeFactory.instance.objectNode()));

        assertThat(verify(ChainVerifier.against(digestOf(interleaved(orders, invoices))), interleaved(changed, gap)))
                .isEqualTo(new VerificationReport(false, 6, 2, new BrokenLink("sales.invoices", 1, Reason.SEQUENCE_GAP)));
    }
}
