package com.acme.governance.query.dataproduct;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.query.asof.AggregateAsOf;
import com.acme.governance.query.asof.AsOfParameter;
import com.acme.governance.query.audit.AuditEventRepository;
import com.acme.governance.query.audit.HistoryEntry;
import com.acme.governance.query.web.PageView;
import com.acme.governance.query.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The read side of data products. */
@RestController("queryDataProductController")
@RequestMapping(path = "/api/v1/data-products", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Data products")
public class DataProductQueryController {

    private final DataProductRepository products;
    private final AuditEventRepository events;
    private final AggregateAsOf history;

    public DataProductQueryController(DataProductRepository products, AuditEventRepository events,
                                      AggregateAsOf history) {
        this.products = products;
        this.events = events;
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "List data products", description = "Filters combine with AND. q finds the products "
            + "with a word of their title, description or tags beginning with each word of q (words are runs of "
            + "letters and digits; case is ignored): q=cust ord finds \"Customer orders\". Unknown parameters are "
            + "refused.")
    @Parameter(name = DataProductListParameters.DOMAIN, in = ParameterIn.QUERY,
            schema = @Schema(pattern = DataProductId.SEGMENT))
    @Parameter(name = DataProductListParameters.OWNER_TEAM, in = ParameterIn.QUERY,
            schema = @Schema(pattern = TeamName.PATTERN))
    @Parameter(name = DataProductListParameters.CLASSIFICATION, in = ParameterIn.QUERY,
            schema = @Schema(allowableValues = {"PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"}))
    @Parameter(name = DataProductListParameters.TAG, in = ParameterIn.QUERY,
            schema = @Schema(pattern = com.acme.governance.api.dataproduct.Tag.PATTERN))
    @Parameter(name = DataProductListParameters.STATUS, in = ParameterIn.QUERY,
            schema = @Schema(allowableValues = {"DRAFT", "PUBLISHED", "DEPRECATED", "RETIRED"}))
    @Parameter(name = DataProductListParameters.Q, in = ParameterIn.QUERY,
            schema = @Schema(maxLength = DataProductListParameters.MAX_Q_LENGTH))
    @Parameter(name = DataProductListParameters.PAGE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = DataProductListParameters.SIZE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
    public PageView<DataProductView> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return products.search(DataProductListParameters.parse(parameters));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One data product, today or as it stood at asOf; its version is also the ETag to send as "
            + "If-Match", description = "asOf (ISO-8601, not in the future) rebuilds the product from its events up to "
            + "that instant; before its registration the answer is 404.")
    @Parameter(name = AsOfParameter.AS_OF, in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"))
    public ResponseEntity<DataProductView> get(@PathVariable("id") DataProductId id,
                                               @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        DataProductView product = history.todayOrAsOf(parameters, "Data product", DataProductProjection.AGGREGATE_TYPE,
                id.toString(), DataProductFold::apply, () -> products.find(id));
        return ResponseEntity.ok().eTag("\"" + product.version() + "\"").body(product);
    }

    @GetMapping("/{id}/contracts/{version}")
    @Operation(summary = "One contract version of a data product: its schema type, schema and publication")
    public ContractVersionView contractVersion(@PathVariable("id") DataProductId id,
                                               @PathVariable("version") String version) {
        return ContractVersions.published(product(id), version);
    }

    @GetMapping("/{id}/contracts/{from}/diff/{to}")
    @Operation(summary = "The changelog from one contract version to another: under every compatibility mode, "
            + "whether it allows the step and the differences by which it does not",
            description = "Either version may be the earlier; only the two are compared, so a transitive mode "
                    + "answers as its plain form. productMode is the mode the product's next versions meet.")
    public ContractDiff contractDiff(@PathVariable("id") DataProductId id, @PathVariable("from") String from,
                                     @PathVariable("to") String to) {
        DataProductView product = product(id);
        return ContractDiff.between(ContractVersions.published(product, from), ContractVersions.published(product, to),
                product.compatibilityMode(), products);
    }

    @GetMapping(path = "/{id}/odps", produces = {MediaType.APPLICATION_JSON_VALUE, OpenStandardDocuments.YAML})
    @Operation(summary = "The product as an Open Data Product Standard v1.0.0 descriptor, YAML or JSON by Accept",
            description = "Each output port at the latest contract version, naming the contract by the product's id.")
    public ResponseEntity<String> odps(@PathVariable("id") DataProductId id,
                                       @RequestHeader(value = "Accept", required = false) String accept) {
        return OpenStandardDocuments.odps(product(id), accept);
    }

    @GetMapping(path = "/{id}/contracts/{version}/odcs",
            produces = {MediaType.APPLICATION_JSON_VALUE, OpenStandardDocuments.YAML})
    @Operation(summary = "A contract version as an Open Data Contract Standard v3.1.0 document, YAML or JSON by "
            + "Accept", description = "Its fields as ODCS properties; the schema itself, with its type, as the "
            + "schema object's custom properties schemaType and schema.")
    public ResponseEntity<String> odcs(@PathVariable("id") DataProductId id, @PathVariable("version") String version,
                                       @RequestHeader(value = "Accept", required = false) String accept) {
        DataProductView product = product(id);
        return OpenStandardDocuments.odcs(product, ContractVersions.published(product, version), accept,
                products);
    }

    private DataProductView product(DataProductId id) {
        return products.find(id).orElseThrow(() -> new ResourceNotFoundException("Data product", id.toString()));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every event of a data product, oldest first, with its audit metadata")
    public List<HistoryEntry> history(@PathVariable("id") DataProductId id) {
        if (!products.exists(id)) {
            throw new ResourceNotFoundException("Data product", id.toString());
        }
        return events.historyOf(id.toString());
    }
}
