package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.ListDataProducts;
import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.web.PageView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
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
        Bson filter = DataProductSearchFilter.of(query);
        List<DataProductView> items = products.find(filter)
                .sort(Sorts.ascending(ID))
                .skip(query.page() * query.size())
                .limit(query.size())
                .into(new ArrayList<>());
        return new PageView<>(items, query.page(), query.size(), products.countDocuments(filter));
    }
}
