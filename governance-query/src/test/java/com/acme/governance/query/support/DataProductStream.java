package com.acme.governance.query.support;

import com.acme.governance.api.audit.EventCatalog;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.PortKind;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.query.ingestion.IncomingEvent;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** Builds one data product's event stream as the relay would deliver it (see {@link EventChain}). */
public final class DataProductStream {

    public static final Instant START = Instant.parse("2026-03-01T09:00:00.123Z");

    private final DataProductId id;
    private final EventChain chain;

    private DataProductStream(String id) {
        this.id = DataProductId.of(id);
        this.chain = new EventChain(this.id.toString(), "DataProduct", START);
    }

    public static DataProductStream of(String id) {
        return new DataProductStream(id);
    }

    /** registered, updated, contract 1.0.0, published, deprecated, retired: every data product event type. */
    public static List<IncomingEvent> fullLifecycle(String id) {
        return of(id).registered().updated().contractPublished("1.0.0").published().deprecated().retired().events();
    }

    public DataProductStream registered() {
        return append(new DataProductRegistered(id, "Orders", "Every order placed", "sales",
                Classification.CONFIDENTIAL, List.of("orders", "pii"),
                List.of(new OutputPort("events", PortKind.KAFKA_TOPIC, "sales.orders.v1"))), "alice", List.of("sales"), List.of());
    }

    public DataProductStream registered(String title, String description, String ownerTeam,
                                        Classification classification, List<String> tags) {
        return append(new DataProductRegistered(id, title, description, ownerTeam, classification, tags, List.of()),
                "alice", List.of(ownerTeam), List.of());
    }

    public DataProductStream updated() {
        return append(new DataProductUpdated(id, "Orders v2", "Every order placed, deduplicated",
                Classification.RESTRICTED, List.of("gdpr", "orders"),
                List.of(new OutputPort("events", PortKind.KAFKA_TOPIC, "sales.orders.v2"),
                        new OutputPort("table", PortKind.TABLE, "warehouse.sales.orders"))), "erin", List.of("sales", "logistics"), List.of());
    }

    public DataProductStream contractPublished(String version) {
        JsonNode schema = TestJson.MAPPER.createObjectNode()
                .put("$schema", "https://json-schema.org/draft/2020-12/schema")
                .put("type", "object")
                .set("properties", TestJson.MAPPER.createObjectNode()
                        .set("order.id", TestJson.MAPPER.createObjectNode().put("type", "string")));
        return append(new ContractVersionPublished(id, SemanticVersion.parse(version), SchemaType.JSON_SCHEMA, schema),
                "alice", List.of("sales"), List.of());
    }

    public DataProductStream published() {
        return append(new DataProductPublished(id), "alice", List.of("sales"), List.of());
    }

    public DataProductStream deprecated() {
        return append(new DataProductDeprecated(id, "superseded by sales.orders-v2"), "carol", List.of(), List.of("STEWARD"));
    }

    /** A deprecation that names its successor (revision 2). */
    public DataProductStream deprecatedFor(String successor) {
        return append(new DataProductDeprecated(id, "moved to " + successor, DataProductId.of(successor)), "alice",
                List.of("sales"), List.of());
    }

    /** A deprecation as revision 1 published it, before it could name a successor, and as Kafka still holds it. */
    public DataProductStream deprecatedAsRevision1() {
        return append(EventCatalog.typeOf(DataProductDeprecated.class, "1"), TestJson.MAPPER.createObjectNode()
                .put("id", id.toString()).put("reason", "superseded by sales.orders-v2"), "carol", List.of(),
                List.of("STEWARD"));
    }

    public DataProductStream retired() {
        return append(new DataProductRetired(id, "no consumers left"), "carol", List.of(), List.of("STEWARD"));
    }

    /** An event type this version of the query side does not know, e.g. from a newer command side. */
    public DataProductStream unknown(String type) {
        return append(type, TestJson.MAPPER.createObjectNode().put("id", id.toString()).put("novelty", true),
                "alice", List.of("sales"), List.of());
    }

    public List<IncomingEvent> events() {
        return chain.events();
    }

    public IncomingEvent last() {
        return chain.last();
    }

    private DataProductStream append(Object payload, String principal, List<String> teams, List<String> roles) {
        chain.append(payload, principal, teams, roles);
        return this;
    }

    private DataProductStream append(String type, JsonNode payload, String principal, List<String> teams,
                                     List<String> roles) {
        chain.append(type, payload, principal, teams, roles);
        return this;
    }
}
