package com.acme.governance.command.dataproduct;

import java.util.List;

/** A minor or patch contract version that would break consumers of the previous one. */
public class IncompatibleContractException extends RuntimeException {
    private final List<String> breakingChanges;

    public IncompatibleContractException(String message, List<String> breakingChanges) {
        super(message + ": " + String.join("; ", breakingChanges));
        this.breakingChanges = List.copyOf(breakingChanges);
    }

    public List<String> breakingChanges() {
        return breakingChanges;
    }
}
