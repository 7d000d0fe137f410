package com.acme.governance.query.audit.verify;

import com.acme.governance.api.problem.ProblemTypes;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerificationSlotsTest {

    @Test
    void aVerificationBeyondTheSlotsIsRefusedAtOnceAndAFreedSlotServesTheNext() throws Exception {
        VerificationSlots slots = new VerificationSlots(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slots.run(() -> {
            started.countDown();
            await(finish);
            return "first";
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> slots.run(() -> "second")).isInstanceOf(VerificationsBusyException.class)
                .hasMessageContaining("retry");

        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(slots.run(() -> "third")).isEqualTo("third");
    }

    @Test
    void aFailedVerificationFreesItsSlot() {
        VerificationSlots slots = new VerificationSlots(1);

        assertThatThrownBy(() -> slots.run(() -> {
            throw new IllegalStateException("store unreachable");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(slots.run(() -> "next")).isEqualTo("next");
    }

    @Test
    void aRefusedCallerIsToldToRetryLaterNotThatItFailed() {
        var answer = new AuditVerifyProblems().busy(new VerificationsBusyException(1));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(answer.getBody().getType()).isEqualTo(ProblemTypes.VERIFICATION_BUSY);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
