package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.CompatibilityModeChanged;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.EventHandlers;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Projects the data product events into the {@code data_products} read model, one {@link DataProductView} per product,
 * as {@link DataProductFold} folds them (compared in {@code DataProductFoldTest}).
 */
@Component("queryDataProductProjection")
public class DataProductProjection implements Projection {

    /** {@code ce_aggregatetype} of data product events. */
    public static final String AGGREGATE_TYPE = "DataProduct";
    public static final String COLLECTION = "data_products";

    private final SequencedDocuments<DataProductView> products;
    private final EventHandlers handlers;

    public DataProductProjection(ReadModelDatabase database, EventPayloads payloads) {
        this.products = new SequencedDocuments<>(collectionIn(database));
        this.handlers = EventHandlers.with(payloads)
                .on(DataProductRegistered.class, this::on)
                .on(DataProductUpdated.class, this::on)
                .on(ContractVersionPublished.class, this::on)
                .on(DataProductPublished.class, this::on)
                .on(DataProductDeprecated.class, this::on)
                .on(DataProductRetired.class, this::on)
                .on(CompatibilityModeChanged.class, this::on)
                // Unknown to this version, yet it counts: without it, the product's next event would look like a gap.
                .onUnknown(AGGREGATE_TYPE, products::count)
                .build();
    }

    static MongoCollection<DataProductView> collectionIn(ReadModelDatabase database) {
        return database.collection(COLLECTION, DataProductView.class);
    }

    @Override
    public boolean writesInBatches() {
        return true;
    }

    @Override
    public void apply(IncomingEvent event) {
        handlers.handle(event);
    }

    private void on(IncomingEvent event, DataProductRegistered registered) {
        products.create(event, DataProductFold.registered(event, registered));
    }

    private void on(IncomingEvent event, DataProductUpdated updated) {
        products.change(event, Updates.combine(
                Updates.set("title", updated.title()),
                Updates.set("description", updated.description()),
                Updates.set("classification", updated.classification()),
                Updates.set("tags", orEmpty(updated.tags())),
                Updates.set("outputPorts", orEmpty(updated.outputPorts())),
                Updates.set(SearchTerms.FIELD, SearchTerms.of(updated.title(), updated.description(),
                        updated.tags()))));
    }

    private void on(IncomingEvent event, ContractVersionPublished published) {
        products.change(event, Updates.push("contractVersions", new ContractVersionView(published.version().toString(),
                published.schemaType(), published.schema(), event.time(), event.principal(),
                ContractVersions.names(published), published.odcs())));
    }

    private void on(IncomingEvent event, DataProductPublished published) {
        products.change(event, Updates.set("status", DataProductStatus.PUBLISHED));
    }

    private void on(IncomingEvent event, DataProductDeprecated deprecated) {
        products.change(event, Updates.combine(Updates.set("status", DataProductStatus.DEPRECATED),
                Updates.set("deprecationReason", deprecated.reason()),
                Updates.set("replacedBy", deprecated.replacedBy() == null ? null : deprecated.replacedBy().toString())));
    }

    private void on(IncomingEvent event, DataProductRetired retired) {
        products.change(event, Updates.combine(Updates.set("status", DataProductStatus.RETIRED),
                Updates.set("retirementReason", retired.reason())));
    }

    private void on(IncomingEvent event, CompatibilityModeChanged changed) {
        products.change(event, Updates.set("compatibilityMode", changed.mode()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
