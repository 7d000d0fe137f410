package com.acme.governance.query.audit.verify;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/** At most so many verifications at once on this instance: each one reads the whole event store. */
final class VerificationSlots {

    private final int slots;
    private final Semaphore free;

    VerificationSlots(int slots) {
        this.slots = slots;
        this.free = new Semaphore(slots);
    }

    /** @throws VerificationsBusyException when every slot is taken: the caller is refused, never queued */
    <T> T run(Supplier<T> verification) {
        if (!free.tryAcquire()) {
            throw new VerificationsBusyException(slots);
        }
        try {
            return verification.get();
        } finally {
            free.release();
        }
    }
}
