package com.acme.governance.api;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.api.dataproduct.DeprecateDataProduct;
import com.acme.governance.api.dataproduct.FindDataProduct;
import com.acme.governance.api.dataproduct.FindDataProductHistory;
import com.acme.governance.api.dataproduct.ListDataProducts;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.PortKind;
import com.acme.governance.api.dataproduct.PublishContractVersion;
import com.acme.governance.api.dataproduct.PublishDataProduct;
import com.acme.governance.api.dataproduct.RegisterDataProduct;
import com.acme.governance.api.dataproduct.RetireDataProduct;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.api.dataproduct.UpdateDataProduct;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** One realistic instance of every message of the contract; a new message without a sample fails the tests. */
final class ContractSamples {

    static final DataProductId ORDERS = DataProductId.of("sales.orders");
    static final List<OutputPort> PORTS = List.of(new OutputPort("events", PortKind.KAFKA_TOPIC, "sales.orders.v1"));

    private ContractSamples() {
    }

    static List<Object> all() {
        return List.of(
                new RegisterDataProduct(ORDERS, "Orders", "Every order placed", "sales", Classification.CONFIDENTIAL,
                        List.of("pii"), PORTS),
                new UpdateDataProduct(ORDERS, 3L, "Orders", "All orders", Classification.RESTRICTED,
                        List.of("pii", "finance"), PORTS),
                new PublishContractVersion(ORDERS, SemanticVersion.parse("1.1.0"), SchemaType.JSON_SCHEMA, schema()),
                new PublishDataProduct(ORDERS),
                new DeprecateDataProduct(ORDERS, "replaced"),
                new RetireDataProduct(ORDERS, "gone"),
                new DataProductRegistered(ORDERS, "Orders", "Every order placed", "sales", Classification.CONFIDENTIAL,
                        List.of("pii"), PORTS),
                new DataProductUpdated(ORDERS, "Orders", null, Classification.INTERNAL, List.of(), List.of()),
                new ContractVersionPublished(ORDERS, SemanticVersion.parse("1.1.0"), SchemaType.JSON_SCHEMA, schema()),
                new DataProductPublished(ORDERS),
                new DataProductDeprecated(ORDERS, "replaced"),
                new DataProductRetired(ORDERS, "gone"),
                new FindDataProduct(ORDERS),
                new FindDataProductHistory(ORDERS),
                new ListDataProducts("sales", "sales", Classification.CONFIDENTIAL, "pii", DataProductStatus.PUBLISHED,
                        "order", 0, 20));
    }

    static JsonNode schema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        schema.putArray("required").add("id");
        schema.putObject("properties").putObject("id").put("type", "string");
        return schema;
    }
}
