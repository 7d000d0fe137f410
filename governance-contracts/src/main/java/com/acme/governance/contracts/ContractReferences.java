package com.acme.governance.contracts;

import com.acme.governance.api.dataproduct.ContractReference;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.contracts.ContractCompatibility.Referenced;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The contract versions a contract needs to be read, found in the catalog and nowhere else: the ones it references,
 * theirs, and so on, each listed after those it needs. Published versions are immutable and can only reference
 * versions published before them, so the references never form a cycle.
 */
public final class ContractReferences {

    /** Contract versions one contract may need, its references' references included. */
    public static final int MAX_REFERENCED = 50;

    private ContractReferences() {
    }

    /** A published contract version as the catalog keeps it. */
    public record Published(SchemaType schemaType, JsonNode schema, List<ContractReference> references) {
    }

    /**
     * Every contract version {@code direct} needs, dependencies first.
     *
     * @throws UnresolvedReferenceException when one is not in the catalog, or there are more than {@link #MAX_REFERENCED}
     */
    public static List<Referenced> closure(Collection<ContractReference> direct,
                                           Function<ContractReference, Optional<Published>> catalog) {
        List<Referenced> ordered = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ContractReference reference : direct) {
            visit(reference, null, catalog, seen, ordered);
        }
        return ordered;
    }

    private static void visit(ContractReference reference, ContractReference from,
                              Function<ContractReference, Optional<Published>> catalog, Set<String> seen,
                              List<Referenced> ordered) {
        if (!seen.add(reference.toString())) {
            return;
        }
        if (seen.size() > MAX_REFERENCED) {
            throw new UnresolvedReferenceException("a contract may need at most " + MAX_REFERENCED
                    + " contract versions, its references' references included");
        }
        Published published = catalog.apply(reference).orElseThrow(() -> new UnresolvedReferenceException(
                "contract version " + reference + (from == null ? "" : ", referenced by " + from)
                        + ", is not in the catalog: no data product " + reference.product()
                        + " with that contract version"));
        for (ContractReference needed : published.references()) {
            visit(needed, reference, catalog, seen, ordered);
        }
        ordered.add(new Referenced(reference.toString(), published.schemaType(), published.schema()));
    }
}
