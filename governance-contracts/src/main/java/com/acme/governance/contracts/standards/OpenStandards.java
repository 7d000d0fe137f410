package com.acme.governance.contracts.standards;

import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.PortKind;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.contracts.ContractCompatibility;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A data product as an Open Data Product Standard v1.0.0 descriptor, and each of its contract versions as an Open
 * Data Contract Standard v3.1.0 document (ADR 0050). The contract's schema object carries its fields as ODCS
 * properties and the schema itself, with its type, as the custom properties {@code schemaType} and {@code schema}:
 * the standard has no place for what only the schema language says, and the schema is what compatibility is
 * checked on.
 */
public final class OpenStandards {

    public static final String ODCS_VERSION = "v3.1.0";
    public static final String ODPS_VERSION = "v1.0.0";
    public static final String SCHEMA_TYPE_PROPERTY = "schemaType";
    public static final String SCHEMA_PROPERTY = "schema";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenStandards() {
    }

    /** What a document says of the product. */
    public record Product(String id, String domain, String name, String title, String description, String ownerTeam,
                          DataProductStatus status, List<String> tags, List<OutputPort> outputPorts,
                          Instant registeredAt) {
    }

    /**
     * One published contract version.
     *
     * @param references the contract versions its schema needs to be read, as {@link ContractCompatibility.Version}
     * @param imported   the ODCS document it was published as; {@code null} if it was published as a schema
     */
    public record Contract(String version, SchemaType schemaType, JsonNode schema, Instant publishedAt,
                           List<ContractCompatibility.Referenced> references, JsonNode imported) {

        public Contract {
            references = references == null ? List.of() : List.copyOf(references);
        }

        public Contract(String version, SchemaType schemaType, JsonNode schema, Instant publishedAt) {
            this(version, schemaType, schema, publishedAt, List.of(), null);
        }
    }

    /**
     * The contract version as an ODCS document: the one it was imported from, as written but for its status, which
     * is the product's now; otherwise one made of it, whose id is the product's and version its own.
     */
    public static ObjectNode odcs(Product product, Contract contract) {
        if (contract.imported() instanceof ObjectNode imported) {
            return imported.deepCopy().put("status", status(product.status()));
        }
        ObjectNode document = describing(product, ODCS_VERSION, "DataContract").put("version", contract.version());
        document.set("schema", NODES.arrayNode().add(schemaObject(product, contract)));
        if (contract.publishedAt() != null) {
            document.put("contractCreatedTs", contract.publishedAt().toString());
        }
        return document;
    }

    private static ObjectNode schemaObject(Product product, Contract contract) {
        ObjectNode object = NODES.objectNode();
        ArrayNode properties;
        String name = product.name();
        switch (contract.schemaType()) {
            case JSON_SCHEMA -> {
                properties = ContractProperties.ofJsonSchema(contract.schema());
                if (contract.schema().path("title").isTextual()) {
                    name = contract.schema().path("title").asText();
                }
            }
            case AVRO -> {
                org.apache.avro.Schema.Parser parser = new org.apache.avro.Schema.Parser();
                contract.references().forEach(reference -> parser.parse(reference.schema().toString()));
                org.apache.avro.Schema avro = parser.parse(contract.schema().toString());
                properties = ContractProperties.ofAvro(avro);
                name = avro.getName();
            }
            case PROTOBUF -> {
                ProtobufProperties.FirstMessage message = ProtobufProperties.of(contract.schema().asText());
                properties = message.properties();
                name = Optional.ofNullable(message.name()).orElse(name);
            }
            default -> throw new IllegalStateException("no mapping of " + contract.schemaType());
        }
        object.put("name", name).put("logicalType", "object");
        kafkaTopic(product).ifPresent(topic -> object.put("physicalType", "topic").put("physicalName", topic));
        object.set("properties", properties);
        ArrayNode custom = NODES.arrayNode();
        custom.addObject().put("property", SCHEMA_TYPE_PROPERTY).put("value", contract.schemaType().name());
        custom.addObject().put("property", SCHEMA_PROPERTY).set("value", contract.schema());
        object.set("customProperties", custom);
        return object;
    }

    /**
     * The product as an ODPS descriptor: each output port at the latest contract version, naming the contract by
     * its id (the product's, as in {@link #odcs}); a port of a product without a contract has version {@code 0.0.0}.
     */
    public static ObjectNode odps(Product product, Optional<String> latestContractVersion) {
        ObjectNode document = describing(product, ODPS_VERSION, "DataProduct");
        latestContractVersion.ifPresent(version -> document.put("version", version));
        ArrayNode ports = NODES.arrayNode();
        for (OutputPort port : product.outputPorts()) {
            ObjectNode output = ports.addObject().put("name", port.name()).put("type", port.kind().name())
                    .put("version", latestContractVersion.orElse("0.0.0"));
            latestContractVersion.ifPresent(version -> output.put("contractId", product.id()));
            output.set("customProperties", NODES.arrayNode().add(NODES.objectNode().put("property", "address")
                    .put("value", port.address())));
        }
        document.set("outputPorts", ports);
        if (product.registeredAt() != null) {
            document.put("productCreatedTs", product.registeredAt().toString());
        }
        return document;
    }

    /** What both standards say of a product the same way: its id, name, status, domain, purpose, tags and team. */
    private static ObjectNode describing(Product product, String apiVersion, String kind) {
        ObjectNode document = NODES.objectNode()
                .put("apiVersion", apiVersion)
                .put("kind", kind)
                .put("id", product.id())
                .put("name", product.title())
                .put("status", status(product.status()))
                .put("domain", product.domain());
        if (product.description() != null && !product.description().isBlank()) {
            document.set("description", NODES.objectNode().put("purpose", product.description()));
        }
        ArrayNode tags = document.putArray("tags");
        product.tags().forEach(tags::add);
        document.set("team", NODES.objectNode().put("name", product.ownerTeam()));
        return document;
    }

    private static Optional<String> kafkaTopic(Product product) {
        return product.outputPorts().stream().filter(port -> port.kind() == PortKind.KAFKA_TOPIC)
                .map(OutputPort::address).findFirst();
    }

    /** The standards' lifecycle words for a product's status. */
    static String status(DataProductStatus status) {
        return switch (status) {
            case DRAFT -> "draft";
            case PUBLISHED -> "active";
            case DEPRECATED -> "deprecated";
            case RETIRED -> "retired";
        };
    }
}
