package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelIndexes;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.support.DataProductStream;
import com.acme.governance.query.support.FoldMatchesProjectionTest;

import java.util.List;

class DataProductFoldTest extends FoldMatchesProjectionTest<DataProductView> {

    @Override
    protected Projection projection(ReadModelDatabase database) {
        return new DataProductProjection(database, payloads);
    }

    @Override
    protected ReadModelIndexes indexes() {
        return new DataProductIndexes();
    }

    @Override
    protected DataProductView read(ReadModelDatabase database, String aggregateId) {
        return new DataProductRepository(database).find(DataProductId.of(aggregateId)).orElseThrow();
    }

    @Override
    protected DataProductView fold(DataProductView before, IncomingEvent event, Object payload) {
        return DataProductFold.apply(before, event, payload);
    }

    @Override
    protected List<List<IncomingEvent>> streams() {
        return List.of(DataProductStream.fullLifecycle("sales.orders"),
                DataProductStream.of("sales.clicks").registered().contractPublished("1.0.0")
                        .contractPublished("1.1.0").published().deprecatedFor("sales.clicks-v2").retired().events(),
                DataProductStream.of("sales.legacy").registered().published().deprecatedAsRevision1().retired().events(),
                DataProductStream.of("logistics.shipments").registered().unknown("governance.dataproduct.renamed.v1")
                        .updated().events());
    }
}
