package com.acme.governance.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The audit trail: every event of every aggregate with its whole envelope, oldest first (adr/0021), as pages or as
 * one NDJSON stream, for auditors, data stewards and operators ({@link AuditTrailReaders}).
 */
@RestController("queryAuditTrailController")
@RequestMapping(path = "/api/v1/audit/events")
@EnableConfigurationProperties(AuditTrailProperties.class)
@Tag(name = "Audit")
public class AuditTrailController {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailController.class);

    private final AuditEventRepository events;
    private final NdjsonExport export;
    private final int exportBatchSize;

    public AuditTrailController(AuditEventRepository events, ObjectMapper objectMapper,
                                AuditTrailProperties properties) {
        this.events = events;
        this.export = new NdjsonExport(objectMapper);
        this.exportBatchSize = properties.exportBatchSize();
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A page of the audit trail, oldest first, and the cursor of the next",
            description = "Filters combine with AND; from is inclusive, to exclusive. Pass 'next' as cursor for the "
                    + "next page; it is null when no further event matches yet. With Accept: application/x-ndjson "
                    + "the same filters stream every match, one item a line.")
    @Parameter(name = AuditTrailParameters.AGGREGATE_ID, in = ParameterIn.QUERY,
            schema = @Schema(maxLength = AuditTrailParameters.MAX_AGGREGATE_ID_LENGTH))
    @Parameter(name = AuditTrailParameters.AGGREGATE_TYPE, in = ParameterIn.QUERY,
            schema = @Schema(allowableValues = {"DataProduct", "Policy", "AccessRequest", "AuditLedger", "AclDrift"}))
    @Parameter(name = AuditTrailParameters.PRINCIPAL, in = ParameterIn.QUERY,
            schema = @Schema(maxLength = AuditTrailParameters.MAX_PRINCIPAL_LENGTH))
    @Parameter(name = AuditTrailParameters.TYPE, in = ParameterIn.QUERY,
            schema = @Schema(example = "governance.dataproduct.registered.v1"))
    @Parameter(name = AuditTrailParameters.FROM, in = ParameterIn.QUERY, schema = @Schema(format = "date-time"))
    @Parameter(name = AuditTrailParameters.TO, in = ParameterIn.QUERY, schema = @Schema(format = "date-time"))
    @Parameter(name = AuditTrailParameters.CURSOR, in = ParameterIn.QUERY, description = "the next of the page before",
            schema = @Schema(type = "string", maxLength = AuditCursor.MAX_LENGTH))
    @Parameter(name = AuditTrailParameters.SIZE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
    public AuditTrailPage page(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                               Authentication authentication) {
        AuditTrailReaders.requireReader(authentication);
        return events.page(AuditTrailParameters.parse(parameters));
    }

    @GetMapping(produces = MediaType.APPLICATION_NDJSON_VALUE)
    @Operation(summary = "Every matching event of the audit trail, oldest first, one JSON item a line",
            description = "The same filters as the paged list, without size; a cursor resumes after its event.")
    @ApiResponse(responseCode = "200", description = "One item a line, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
                    schema = @Schema(implementation = AuditTrailItem.class)))
    public void export(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                       Authentication authentication, HttpServletResponse response) {
        AuditTrailReaders.requireReader(authentication);
        ListAuditEvents query = AuditTrailParameters.parseExport(parameters);
        response.setContentType(MediaType.APPLICATION_NDJSON_VALUE);
        try {
            long lines = export.write(events.export(query, exportBatchSize), response.getOutputStream());
            log.debug("Audit trail export of {} events to {}", lines, authentication.getName());
        } catch (IOException clientGone) {
            // nothing left to answer: the client knows it did not read to the end
            log.info("Audit trail export to {} ended early: {}", authentication.getName(), clientGone.toString());
        }
    }
}
