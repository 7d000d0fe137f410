package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.ContractReference;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.contracts.ContractCompatibility;
import com.acme.governance.contracts.ContractReferences;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.web.ReadModelBehindException;
import com.acme.governance.query.web.ResourceNotFoundException;

import java.util.List;
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

    static List<String> names(ContractVersionPublished published) {
        return published.references().stream().map(ContractReference::toString).toList();
    }

    /** The version as the compatibility rules read it: with the contract versions it references, from the catalog. */
    static ContractCompatibility.Version compared(ContractVersionView view, DataProductRepository products) {
        return new ContractCompatibility.Version(view.version(), view.schemaType(), view.schema(),
                referenced(view, products));
    }

    /**
     * What a version references, its references' references included. Each was published before the version
     * referencing it; if the read model has not applied it yet, the answer waits for it (503).
     */
    static List<ContractCompatibility.Referenced> referenced(ContractVersionView view, DataProductRepository products) {
        if (view.references().isEmpty()) {
            return List.of();
        }
        return ContractReferences.closure(view.references().stream().map(ContractReference::of).toList(),
                reference -> Optional.of(products.find(reference.product())
                        .flatMap(product -> find(product, reference.version().toString()))
                        .map(found -> new ContractReferences.Published(found.schemaType(), found.schema(),
                                found.references().stream().map(ContractReference::of).toList()))
                        .orElseThrow(() -> new ReadModelBehindException("contract version " + reference
                                + ", which " + view.version() + " references, is not in the read model yet"))));
    }
}
