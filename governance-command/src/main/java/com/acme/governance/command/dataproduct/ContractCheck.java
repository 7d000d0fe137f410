package com.acme.governance.command.dataproduct;

import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.contracts.ContractDifference;

import java.util.List;

/**
 * What publishing a contract version would do ({@code POST .../contracts:check}), recorded nowhere.
 *
 * @param compatible  whether it would be published
 * @param mode        the product's mode it was judged under
 * @param latest      the latest published version; null when there is none
 * @param newMajor    whether it starts a major version, which may break and is compared with nothing
 * @param differences every difference that breaks a rule of the mode; empty when compatible
 */
public record ContractCheck(boolean compatible, CompatibilityMode mode, String latest, boolean newMajor,
                            List<ContractDifference> differences) {
}
