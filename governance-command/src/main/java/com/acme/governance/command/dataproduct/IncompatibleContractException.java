package com.acme.governance.command.dataproduct;

import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.contracts.ContractDifference;

import java.util.List;

/** A minor or patch contract version that breaks the product's compatibility mode, with every difference found. */
public class IncompatibleContractException extends RuntimeException {
    private final CompatibilityMode mode;
    private final List<ContractDifference> differences;

    public IncompatibleContractException(String message, CompatibilityMode mode, List<ContractDifference> differences) {
        super(message + ": " + String.join("; ", describe(differences)));
        this.mode = mode;
        this.differences = List.copyOf(differences);
    }

    public CompatibilityMode mode() {
        return mode;
    }

    public List<ContractDifference> differences() {
        return differences;
    }

    /** Each difference in one line, as the problem's {@code breakingChanges} list them. */
    public List<String> breakingChanges() {
        return describe(differences);
    }

    private static List<String> describe(List<ContractDifference> differences) {
        return differences.stream().map(difference -> difference.difference() + " at " + difference.path() + ": "
                + difference.detail() + " (against " + difference.against() + "; " + difference.rule() + ")")
                .toList();
    }
}
