package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.web.ResourceNotFoundException;

import java.util.Optional;

/** A product's published contract version by its number, as REST and GraphQL ask for it. */
final class ContractVersions {

    private ContractVersions() {
    }

    /** The version, or 400 for what is not a semantic version and 404 for one never published. */
    static ContractVersionView published(DataProductView product, String version) {
        return find(product, version)
                .orElseThrow(() -> new ResourceNotFoundException("Contract version", product.id() + "@" + version));
    }

    static Optional<ContractVersionView> find(DataProductView product, String version) {
        if (version == null || !version.matches(SemanticVersion.PATTERN)) {
            throw new InvalidInputException("version", "must be MAJOR.MINOR.PATCH");
        }
        return product.contractVersions().stream().filter(published -> published.version().equals(version))
                .findFirst();
    }
}
