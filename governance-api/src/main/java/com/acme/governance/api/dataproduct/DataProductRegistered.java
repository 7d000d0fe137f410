package com.acme.governance.api.dataproduct;

import com.acme.governance.api.audit.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A data product was registered, as a draft.
 *
 * @param compatibilityMode what its contract's minor and patch versions must keep (revision 2); every registration
 *                          of revision 1 had the brief's rule, {@link CompatibilityMode#CONSUMER_SAFE}
 */
@EventType("governance.dataproduct.registered")
@Revision("2")
public record DataProductRegistered(DataProductId id, String title, String description, String ownerTeam,
                                    Classification classification, List<String> tags, List<OutputPort> outputPorts,
                                    CompatibilityMode compatibilityMode) {

    public DataProductRegistered {
        compatibilityMode = compatibilityMode == null ? CompatibilityMode.CONSUMER_SAFE : compatibilityMode;
    }

    /** A registration under the default mode. */
    public DataProductRegistered(DataProductId id, String title, String description, String ownerTeam,
                                 Classification classification, List<String> tags, List<OutputPort> outputPorts) {
        this(id, title, description, ownerTeam, classification, tags, outputPorts, CompatibilityMode.CONSUMER_SAFE);
    }

    /**
     * Revision 1 as revision 2: every product then had the brief's rule. Returns a new node; the stored revision 1 is
     * never changed (its hash covers it).
     */
    public static JsonNode fromRevision1(JsonNode revision1) {
        if (!(revision1 instanceof ObjectNode object)) {
            return revision1;
        }
        ObjectNode revision2 = object.deepCopy();
        if (!revision2.has("compatibilityMode")) {
            revision2.put("compatibilityMode", CompatibilityMode.CONSUMER_SAFE.name());
        }
        return revision2;
    }
}
