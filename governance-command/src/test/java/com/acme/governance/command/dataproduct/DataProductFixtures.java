package com.acme.governance.command.dataproduct;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.PortKind;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.command.TestActors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.MetaData;

import java.util.List;

/** Givens shared by the data-product rule tests. */
final class DataProductFixtures {

    static final DataProductId ORDERS = DataProductId.of("sales.orders");
    static final List<OutputPort> PORTS = List.of(new OutputPort("events", PortKind.KAFKA_TOPIC, "sales.orders.v1"));
    static final MetaData ALICE = TestActors.ALICE;
    static final MetaData BOB = TestActors.BOB;
    static final MetaData CAROL_STEWARD = TestActors.CAROL_STEWARD;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataProductFixtures() {
    }


    static DataProductRegistered registered() {
        return new DataProductRegistered(ORDERS, "Orders", "Every order placed", "sales", Classification.CONFIDENTIAL,
                List.of("pii"), PORTS);
    }

    static ContractVersionPublished contract(String version, String schema) {
        return new ContractVersionPublished(ORDERS, SemanticVersion.parse(version), SchemaType.JSON_SCHEMA, json(schema));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
