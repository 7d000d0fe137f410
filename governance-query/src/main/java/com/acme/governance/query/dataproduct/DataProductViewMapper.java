package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.PortKind;
import com.acme.governance.api.dataproduct.SchemaType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static com.acme.governance.query.dataproduct.DataProductFields.*;

/** Turns a {@code data_products} document into the view clients see, leaving the storage details behind. */
class DataProductViewMapper {

    private final ObjectMapper objectMapper;

    DataProductViewMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    DataProductView toView(Document document) {
        return new DataProductView(
                document.getString(ID),
                document.getString(DOMAIN),
                document.getString(NAME),
                document.getString(TITLE),
                document.getString(DESCRIPTION),
                document.getString(OWNER_TEAM),
                Classification.valueOf(document.getString(CLASSIFICATION)),
                document.getList(TAGS, String.class, List.of()),
                document.getList(OUTPUT_PORTS, Document.class, List.of()).stream().map(DataProductViewMapper::port).toList(),
                DataProductStatus.valueOf(document.getString(STATUS)),
                document.getList(CONTRACT_VERSIONS, Document.class, List.of()).stream().map(this::contractVersion).toList(),
                document.get(VERSION, Number.class).longValue(),
                instant(document.getDate(REGISTERED_AT)),
                document.getString(REGISTERED_BY),
                instant(document.getDate(UPDATED_AT)),
                document.getString(DEPRECATION_REASON),
                document.getString(RETIREMENT_REASON));
    }

    private static OutputPort port(Document port) {
        return new OutputPort(port.getString(PORT_NAME), PortKind.valueOf(port.getString(PORT_KIND)),
                port.getString(PORT_ADDRESS));
    }

    private ContractVersionView contractVersion(Document contract) {
        return new ContractVersionView(
                contract.getString(CONTRACT_VERSION),
                SchemaType.valueOf(contract.getString(SCHEMA_TYPE)),
                json(contract.getString(SCHEMA)),
                instant(contract.getDate(PUBLISHED_AT)),
                contract.getString(PUBLISHED_BY));
    }

    private JsonNode json(String text) {
        try {
            return text == null ? null : objectMapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contract schema is not JSON", e);
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
