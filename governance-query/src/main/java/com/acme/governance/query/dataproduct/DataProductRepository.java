package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.ListDataProducts;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.web.PageView;
import com.acme.governance.query.web.Window;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads the {@code data_products} read model. */
@Component("queryDataProductRepository")
public class DataProductRepository {

    private static final String ID = "_id";

    private final MongoCollection<DataProductView> products;

    public DataProductRepository(ReadModelDatabase database) {
        this.products = DataProductProjection.collectionIn(database);
    }

    public Optional<DataProductView> find(DataProductId id) {
        return Optional.ofNullable(products.find(Filters.eq(ID, id.toString())).first());
    }

    public boolean exists(DataProductId id) {
        return products.countDocuments(Filters.eq(ID, id.toString())) > 0;
    }

    /** One page, in id order so that paging is stable. */
    public PageView<DataProductView> search(ListDataProducts query) {
        return new PageView<>(search(query, Window.page(query.page(), query.size())), query.page(), query.size(),
                count(query));
    }

    /** The matching products in the window, in id order; the query's page and size are not read. */
    public List<DataProductView> search(ListDataProducts query, Window window) {
        return products.find(DataProductSearchFilter.of(query))
                .sort(Sorts.ascending(ID))
                .skip(Math.toIntExact(window.skip()))
                .limit(window.limit())
                .into(new ArrayList<>());
    }

    public long count(ListDataProducts query) {
        return products.countDocuments(DataProductSearchFilter.of(query));
    }

    /** The products of these ids that exist, in one read. */
    public List<DataProductView> findAll(Collection<String> ids) {
        return products.find(Filters.in(ID, ids)).into(new ArrayList<>());
    }
}
