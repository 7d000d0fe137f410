package com.acme.governance.command.dataproduct;

import com.acme.governance.api.dataproduct.ContractReference;
import com.acme.governance.contracts.ContractReferences;

import java.util.Optional;

/** The published contract versions, as the event store has them: where a contract's references are resolved. */
public interface ContractCatalog {

    Optional<ContractReferences.Published> find(ContractReference reference);
}
