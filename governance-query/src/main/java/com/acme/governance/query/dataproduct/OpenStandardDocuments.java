package com.acme.governance.query.dataproduct;

import com.acme.governance.contracts.standards.OpenStandards;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Optional;

/** A product's ODPS descriptor and its contract versions' ODCS documents, as YAML or JSON by {@code Accept}. */
final class OpenStandardDocuments {

    static final String YAML = "application/yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML_MAPPER = new YAMLMapper();

    private OpenStandardDocuments() {
    }

    static ResponseEntity<String> odps(DataProductView product, String accept) {
        return answer(odps(product), accept);
    }

    static ResponseEntity<String> odcs(DataProductView product, ContractVersionView version, String accept,
                                       DataProductRepository products) {
        return answer(odcs(product, version, products), accept);
    }

    static JsonNode odps(DataProductView product) {
        List<ContractVersionView> versions = product.contractVersions();
        Optional<String> latest = versions.isEmpty() ? Optional.empty()
                : Optional.of(versions.get(versions.size() - 1).version());
        return OpenStandards.odps(of(product), latest);
    }

    static JsonNode odcs(DataProductView product, ContractVersionView version, DataProductRepository products) {
        return OpenStandards.odcs(of(product), new OpenStandards.Contract(version.version(), version.schemaType(),
                version.schema(), version.publishedAt(), ContractVersions.referenced(version, products),
                version.odcs()));
    }

    private static OpenStandards.Product of(DataProductView product) {
        return new OpenStandards.Product(product.id(), product.domain(), product.name(), product.title(),
                product.description(), product.ownerTeam(), product.status(), product.tags(), product.outputPorts(),
                product.registeredAt());
    }

    /** YAML when the caller asks for it (the standards' own form), JSON otherwise. */
    private static ResponseEntity<String> answer(JsonNode document, String accept) {
        try {
            boolean yaml = accept != null && (accept.contains("yaml"));
            return ResponseEntity.ok()
                    .contentType(yaml ? MediaType.parseMediaType(YAML) : MediaType.APPLICATION_JSON)
                    .body(yaml ? YAML_MAPPER.writeValueAsString(document) : JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document of our own making could not be written", e);
        }
    }
}
