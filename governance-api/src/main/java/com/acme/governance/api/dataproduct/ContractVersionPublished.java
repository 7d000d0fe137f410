package com.acme.governance.api.dataproduct;

import com.acme.governance.api.audit.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A contract version was published.
 *
 * @param references the other products' contract versions its schema names, resolved from the catalog when it was
 *                   published (revision 2; none before)
 * @param odcs       the Open Data Contract Standard document it was published as, kept as written; {@code null} when
 *                   it was published as a schema (revision 2; always before)
 */
@EventType("governance.dataproduct.contract-version-published")
@Revision("2")
public record ContractVersionPublished(DataProductId id, SemanticVersion version, SchemaType schemaType, JsonNode schema,
                                       List<ContractReference> references, JsonNode odcs) {

    public ContractVersionPublished {
        references = references == null ? List.of() : List.copyOf(references);
        odcs = odcs == null || odcs.isNull() ? null : odcs;
    }

    /** A version published as a schema, referencing nothing. */
    public ContractVersionPublished(DataProductId id, SemanticVersion version, SchemaType schemaType, JsonNode schema) {
        this(id, version, schemaType, schema, List.of(), null);
    }

    /**
     * Revision 1 as revision 2: it referenced nothing and was published as a schema. Returns a new node; the stored
     * revision 1 is never changed (its hash covers it).
     */
    public static JsonNode fromRevision1(JsonNode revision1) {
        if (!(revision1 instanceof ObjectNode object)) {
            return revision1;
        }
        ObjectNode revision2 = object.deepCopy();
        if (!revision2.has("references")) {
            revision2.putArray("references");
        }
        if (!revision2.has("odcs")) {
            revision2.putNull("odcs");
        }
        return revision2;
    }
}
