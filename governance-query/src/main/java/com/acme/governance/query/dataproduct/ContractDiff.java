package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.contracts.ContractCompatibility;
import com.acme.governance.contracts.ContractDifference;
import com.acme.governance.contracts.UnreadableContractException;
import com.acme.governance.edge.problem.InvalidInputException;

import java.util.Arrays;
import java.util.List;

/**
 * The changelog from one contract version to another: under every mode, whether it allows the step and the
 * differences by which it does not, each named as the schema type's library names it (ADR 0048). Only the two
 * versions are compared, so a transitive mode says what its plain form says.
 *
 * @param productMode the mode the product's next versions are checked under
 */
public record ContractDiff(String from, String to, CompatibilityMode productMode, List<ModeVerdict> modes) {

    /** One mode's verdict on the step. */
    public record ModeVerdict(CompatibilityMode mode, boolean allowed, List<ContractDifference> differences) {
    }

    static ContractDiff between(ContractVersionView from, ContractVersionView to, CompatibilityMode productMode,
                                DataProductRepository products) {
        ContractCompatibility.Version earlier = ContractVersions.compared(from, products);
        ContractCompatibility.Version later = ContractVersions.compared(to, products);
        try {
            List<ModeVerdict> verdicts = Arrays.stream(CompatibilityMode.values()).map(mode -> {
                List<ContractDifference> differences = ContractCompatibility.check(mode, List.of(earlier), later);
                return new ModeVerdict(mode, differences.isEmpty(), differences);
            }).toList();
            return new ContractDiff(from.version(), to.version(), productMode, verdicts);
        } catch (UnreadableContractException e) {
            throw new InvalidInputException("version", e.getMessage());
        }
    }
}
