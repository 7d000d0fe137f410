package com.acme.governance.verifier;

/** The verifier's exit codes, part of its contract with an auditor's scripts. */
enum ExitCode {
    VALID(0),
    BROKEN(1),
    UNUSABLE_INPUT(2);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    int status() {
        return status;
    }
}
