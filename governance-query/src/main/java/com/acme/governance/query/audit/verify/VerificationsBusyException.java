package com.acme.governance.query.audit.verify;

/** As many verifications as this instance runs at once are running; the caller retries later (503). */
public class VerificationsBusyException extends RuntimeException {

    public VerificationsBusyException(int running) {
        super(running == 1 ? "a verification of the event store is running on this instance; retry once it is done"
                : running + " verifications of the event store are running on this instance; retry once one is done");
    }
}
