package com.acme.governance.command.dataproduct.web;

import com.acme.governance.api.Limits;
import com.acme.governance.api.dataproduct.CheckContractVersion;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.PublishContractVersion;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.contracts.standards.OdcsImport;
import com.acme.governance.edge.problem.FieldProblem;
import com.acme.governance.edge.problem.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A contract version published as an Open Data Contract Standard v3.1.0 document ({@code application/yaml}): valid
 * against the standard's JSON Schema, its {@code version} the contract version's; the document is kept as written,
 * beside the schema it carries or that its properties make (ADR 0050). Bounded like a schema, so that the event
 * holding both fits on the published log.
 */
final class OdcsContractDocument {

    static final String YAML = "application/yaml";
    static final String X_YAML = "application/x-yaml";

    private final OdcsImport.Imported imported;

    private OdcsContractDocument(OdcsImport.Imported imported) {
        this.imported = imported;
    }

    static OdcsContractDocument read(String text) {
        int bytes = text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Limits.SCHEMA_BYTES) {
            throw new InvalidInputException("body", "an ODCS document may have at most " + Limits.SCHEMA_BYTES
                    + " bytes, this one has " + bytes);
        }
        OdcsImport.Imported imported;
        try {
            imported = OdcsImport.fromYaml(text);
        } catch (OdcsImport.NotAContractException e) {
            List<FieldProblem> problems = e.problems().stream().limit(20)
                    .map(problem -> new FieldProblem("body", problem)).toList();
            throw new InvalidInputException(problems);
        }
        if (!imported.version().matches(SemanticVersion.PATTERN)) {
            throw new InvalidInputException("version", "an ODCS document's version is the contract version, "
                    + "MAJOR.MINOR.PATCH; got '" + imported.version() + "'");
        }
        PublishContractVersionRequest.requireValidSchema(imported.schemaType(), imported.schema());
        return new OdcsContractDocument(imported);
    }

    PublishContractVersion toCommand(DataProductId id) {
        return new PublishContractVersion(id, SemanticVersion.parse(imported.version()), imported.schemaType(),
                imported.schema(), List.of(), imported.document());
    }

    CheckContractVersion toCheck(DataProductId id) {
        return new CheckContractVersion(id, SemanticVersion.parse(imported.version()), imported.schemaType(),
                imported.schema(), List.of());
    }
}
