package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.api.dataproduct.CompatibilityModeChanged;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.query.ingestion.IncomingEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A data product as its events make it, one event at a time and without a database: how {@code ?asOf=} rebuilds a
 * product from the event log. The projection writes the same with update operators, one field at a time, and builds
 * the first document here; {@code DataProductFoldTest} folds and projects the same histories and compares them.
 */
public final class DataProductFold {

    private DataProductFold() {
    }

    /** The product as its registration makes it: version 1, a draft without contracts. */
    static DataProductView registered(IncomingEvent event, DataProductRegistered registered) {
        return new DataProductView(event.aggregateId(), registered.id().domain(), registered.id().name(),
                registered.title(), registered.description(), registered.ownerTeam(), registered.classification(),
                orEmpty(registered.tags()), orEmpty(registered.outputPorts()), DataProductStatus.DRAFT, List.of(), 1,
                event.time(), event.principal(), event.time(), null, null, null, registered.compatibilityMode(),
                SearchTerms.of(registered.title(), registered.description(), registered.tags()));
    }

    /**
     * @param before  the product before the event; null before its first one
     * @param payload the event read as its class; null for a type this version does not know, which still counts
     * @return the product after the event; every later event adds one to its version and stamps its time
     */
    public static DataProductView apply(DataProductView before, IncomingEvent event, Object payload) {
        if (payload instanceof DataProductRegistered registered) {
            return registered(event, registered);
        }
        if (before == null) {
            throw new IllegalStateException(event.describe() + " comes before the product's registration");
        }
        Draft after = new Draft(before);
        if (payload instanceof DataProductUpdated updated) {
            after.title = updated.title();
            after.description = updated.description();
            after.classification = updated.classification();
            after.tags = orEmpty(updated.tags());
            after.outputPorts = orEmpty(updated.outputPorts());
        } else if (payload instanceof ContractVersionPublished published) {
            List<ContractVersionView> versions = new ArrayList<>(before.contractVersions());
            versions.add(new ContractVersionView(published.version().toString(), published.schemaType(),
                    published.schema(), event.time(), event.principal(), ContractVersions.names(published),
                    published.odcs()));
            after.contractVersions = List.copyOf(versions);
        } else if (payload instanceof DataProductPublished) {
            after.status = DataProductStatus.PUBLISHED;
        } else if (payload instanceof DataProductDeprecated deprecated) {
            after.status = DataProductStatus.DEPRECATED;
            after.deprecationReason = deprecated.reason();
            after.replacedBy = deprecated.replacedBy() == null ? null : deprecated.replacedBy().toString();
        } else if (payload instanceof CompatibilityModeChanged changed) {
            after.compatibilityMode = changed.mode();
        } else if (payload instanceof DataProductRetired retired) {
            after.status = DataProductStatus.RETIRED;
            after.retirementReason = retired.reason();
        }
        return after.counted(event);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The product being changed by one event. */
    private static final class Draft {
        private final DataProductView before;
        private String title;
        private String description;
        private Classification classification;
        private List<String> tags;
        private List<OutputPort> outputPorts;
        private DataProductStatus status;
        private List<ContractVersionView> contractVersions;
        private String deprecationReason;
        private String replacedBy;
        private String retirementReason;
        private CompatibilityMode compatibilityMode;

        private Draft(DataProductView before) {
            this.before = before;
            title = before.title();
            description = before.description();
            classification = before.classification();
            tags = before.tags();
            outputPorts = before.outputPorts();
            status = before.status();
            contractVersions = before.contractVersions();
            deprecationReason = before.deprecationReason();
            replacedBy = before.replacedBy();
            retirementReason = before.retirementReason();
            compatibilityMode = before.compatibilityMode();
        }

        private DataProductView counted(IncomingEvent event) {
            return new DataProductView(before.id(), before.domain(), before.name(), title, description,
                    before.ownerTeam(), classification, tags, outputPorts, status, contractVersions,
                    before.version() + 1, before.registeredAt(), before.registeredBy(), event.time(),
                    deprecationReason, replacedBy, retirementReason, compatibilityMode,
                    SearchTerms.of(title, description, tags));
        }
    }
}
