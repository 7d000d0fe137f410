package com.acme.governance.api.dataproduct;

import com.acme.governance.api.audit.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Revision;

/**
 * A published product's consumers are told to move on.
 *
 * @param replacedBy the product that succeeds it, if the owners named one; null when none was named, and for every
 *                   deprecation of revision 1, which could not name one (see {@link #fromRevision1})
 */
@EventType("governance.dataproduct.deprecated")
@Revision("2")
public record DataProductDeprecated(DataProductId id, String reason, DataProductId replacedBy) {

    /** A deprecation that names no successor. */
    public DataProductDeprecated(DataProductId id, String reason) {
        this(id, reason, null);
    }

    /**
     * Revision 1 as revision 2: it had no successor field, and its free-text reason is not parsed for one, so the
     * successor is unknown (null). Returns a new node; the stored revision 1 is never changed (its hash covers it).
     */
    public static JsonNode fromRevision1(JsonNode revision1) {
        if (!(revision1 instanceof ObjectNode object)) {
            // not a payload of revision 1 at all: left as it is, for the reader to refuse as malformed
            return revision1;
        }
        ObjectNode revision2 = object.deepCopy();
        if (!revision2.has("replacedBy")) {
            revision2.putNull("replacedBy");
        }
        return revision2;
    }
}
