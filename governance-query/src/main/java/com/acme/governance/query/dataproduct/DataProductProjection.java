package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.ingestion.EventPayloads;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.ingestion.Projection;
import com.acme.governance.query.ingestion.SequencedDocuments;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;

import static com.acme.governance.query.dataproduct.DataProductFields.*;

/** Projects the data product events into the {@code data_products} read model, one document per product. */
@Component("queryDataProductProjection")
public class DataProductProjection implements Projection {

    /** {@code ce_aggregatetype} of data product events. */
    public static final String AGGREGATE_TYPE = "DataProduct";

    private final SequencedDocuments products;
    private final EventPayloads payloads;

    public DataProductProjection(ReadModelDatabase database, EventPayloads payloads) {
        this.products = new SequencedDocuments(database.dataProducts());
        this.payloads = payloads;
    }

    @Override
    public void apply(IncomingEvent event) {
        if (event.is(DataProductRegistered.class)) {
            products.create(event, registered(event, payloads.read(event, DataProductRegistered.class)));
        } else if (event.is(DataProductUpdated.class)) {
            products.change(event, updated(payloads.read(event, DataProductUpdated.class)));
        } else if (event.is(ContractVersionPublished.class)) {
            products.change(event, contractPublished(event, payloads.read(event, ContractVersionPublished.class)));
        } else if (event.is(DataProductPublished.class)) {
            products.change(event, Updates.set(STATUS, DataProductStatus.PUBLISHED.name()));
        } else if (event.is(DataProductDeprecated.class)) {
            DataProductDeprecated deprecated = payloads.read(event, DataProductDeprecated.class);
            products.change(event, Updates.combine(Updates.set(STATUS, DataProductStatus.DEPRECATED.name()),
                    Updates.set(DEPRECATION_REASON, deprecated.reason())));
        } else if (event.is(DataProductRetired.class)) {
            DataProductRetired retired = payloads.read(event, DataProductRetired.class);
            products.change(event, Updates.combine(Updates.set(STATUS, DataProductStatus.RETIRED.name()),
                    Updates.set(RETIREMENT_REASON, retired.reason())));
        } else if (!event.isCatalogued() && AGGREGATE_TYPE.equals(event.aggregateType())) {
            // Unknown to this version, yet it counts: without it, the product's next event would look like a gap.
            products.change(event, Updates.combine());
        }
    }

    private static Document registered(IncomingEvent event, DataProductRegistered registered) {
        return new Document()
                .append(DOMAIN, registered.id().domain())
                .append(NAME, registered.id().name())
                .append(TITLE, registered.title())
                .append(DESCRIPTION, registered.description())
                .append(OWNER_TEAM, registered.ownerTeam())
                .append(CLASSIFICATION, registered.classification().name())
                .append(TAGS, orEmpty(registered.tags()))
                .append(OUTPUT_PORTS, ports(registered.outputPorts()))
                .append(STATUS, DataProductStatus.DRAFT.name())
                .append(CONTRACT_VERSIONS, List.of())
                .append(REGISTERED_AT, Date.from(event.time()))
                .append(REGISTERED_BY, event.principal())
                .append(DEPRECATION_REASON, null)
                .append(RETIREMENT_REASON, null);
    }

    private static Bson updated(DataProductUpdated updated) {
        return Updates.combine(
                Updates.set(TITLE, updated.title()),
                Updates.set(DESCRIPTION, updated.description()),
                Updates.set(CLASSIFICATION, updated.classification().name()),
                Updates.set(TAGS, orEmpty(updated.tags())),
                Updates.set(OUTPUT_PORTS, ports(updated.outputPorts())));
    }

    private Bson contractPublished(IncomingEvent event, ContractVersionPublished published) {
        return Updates.push(CONTRACT_VERSIONS, new Document()
                .append(CONTRACT_VERSION, published.version().toString())
                .append(SCHEMA_TYPE, published.schemaType().name())
                .append(SCHEMA, payloads.toJson(published.schema()))
                .append(PUBLISHED_AT, Date.from(event.time()))
                .append(PUBLISHED_BY, event.principal()));
    }

    private static List<Document> ports(List<OutputPort> ports) {
        return orEmpty(ports).stream()
                .map(port -> new Document()
                        .append(PORT_NAME, port.name())
                        .append(PORT_KIND, port.kind().name())
                        .append(PORT_ADDRESS, port.address()))
                .toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
