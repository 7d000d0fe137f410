package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.ListDataProducts;
import com.acme.governance.query.asof.AggregateAsOf;
import com.acme.governance.query.asof.AsOfParameter;
import com.acme.governance.query.audit.AuditEventRepository;
import com.acme.governance.query.audit.HistoryEntry;
import com.acme.governance.query.graphql.Connection;
import com.acme.governance.query.graphql.Connections;
import com.acme.governance.query.graphql.GraphQlArguments;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data products in GraphQL ({@code graphql/dataproduct.graphqls}): the reads of the REST read side. */
@Controller("queryDataProductGraphQlController")
public class DataProductGraphQlController {

    private final DataProductRepository products;
    private final AuditEventRepository events;
    private final AggregateAsOf history;

    public DataProductGraphQlController(DataProductRepository products, AuditEventRepository events,
                                        AggregateAsOf history) {
        this.products = products;
        this.events = events;
        this.history = history;
    }

    @QueryMapping
    public Connection<DataProductView> dataProducts(@Argument Map<String, Object> filter, @Argument Integer first,
                                                    @Argument String after) {
        Connections.Request<ListDataProducts> request = Connections.request(
                () -> DataProductListParameters.parse(GraphQlArguments.asParameters(filter)), first, after);
        return Connections.of(request.page(), products.search(request.query(), request.page().window()),
                products.count(request.query()));
    }

    @QueryMapping
    public DataProductView dataProduct(@Argument String id, @Argument Instant asOf) {
        DataProductId productId = GraphQlArguments.id(id, DataProductId::of);
        return history.todayOrAsOf(GraphQlArguments.with(new LinkedMultiValueMap<>(), AsOfParameter.AS_OF, asOf),
                "Data product", DataProductProjection.AGGREGATE_TYPE, productId.toString(), DataProductFold::apply,
                () -> products.find(productId));
    }

    @SchemaMapping(typeName = "DataProduct", field = "contractVersion")
    public ContractVersionView contractVersion(DataProductView product, @Argument String version) {
        return ContractVersions.find(product, version).orElse(null);
    }

    @SchemaMapping(typeName = "DataProduct", field = "contractDiff")
    public ContractDiff contractDiff(DataProductView product, @Argument String from, @Argument String to) {
        return ContractDiff.between(ContractVersions.published(product, from), ContractVersions.published(product, to),
                product.compatibilityMode(), products);
    }

    @SchemaMapping(typeName = "DataProduct", field = "odps")
    public JsonNode odps(DataProductView product) {
        return OpenStandardDocuments.odps(product);
    }

    @SchemaMapping(typeName = "DataProduct", field = "odcs")
    public JsonNode odcs(DataProductView product, @Argument String version) {
        return ContractVersions.find(product, version)
                .map(found -> OpenStandardDocuments.odcs(product, found, products)).orElse(null);
    }

    /** Every product's history in one read, however many products the answer holds. */
    @BatchMapping(typeName = "DataProduct", field = "history")
    public Map<DataProductView, List<HistoryEntry>> history(List<DataProductView> listed) {
        Map<String, List<HistoryEntry>> histories = events.historiesOf(listed.stream().map(DataProductView::id)
                .toList());
        Map<DataProductView, List<HistoryEntry>> byProduct = new LinkedHashMap<>();
        listed.forEach(product -> byProduct.put(product, histories.getOrDefault(product.id(), List.of())));
        return byProduct;
    }

}
