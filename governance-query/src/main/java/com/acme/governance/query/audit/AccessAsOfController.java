package com.acme.governance.query.audit;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.query.access.AccessAsOfParameters;
import com.acme.governance.query.access.AccessGrantRepository;
import com.acme.governance.query.access.AccessHeldView;
import com.acme.governance.query.web.PageView;
import com.acme.governance.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who could read what at a past instant: an auditor's question, answered from the grants' recorded times. */
@RestController("queryAccessAsOfController")
@RequestMapping(path = "/api/v1/audit/access-as-of", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
public class AccessAsOfController {

    private final AccessGrantRepository grants;

    public AccessAsOfController(AccessGrantRepository grants) {
        this.grants = grants;
    }

    @GetMapping
    @Operation(summary = "The grants in force at an instant, on a product, for a team, or both",
            description = "Each as it was given (approvals, the policies and versions of its decision, its end); a "
                    + "revocation or an expiry after the instant does not count. For auditors, data stewards and "
                    + "operators.")
    @Parameter(name = AccessAsOfParameters.AT, in = ParameterIn.QUERY, required = true,
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(name = AccessAsOfParameters.DATA_PRODUCT_ID, in = ParameterIn.QUERY,
            schema = @Schema(pattern = DataProductId.PATTERN))
    @Parameter(name = AccessAsOfParameters.CONSUMER_TEAM, in = ParameterIn.QUERY,
            schema = @Schema(pattern = TeamName.PATTERN))
    @Parameter(name = QueryParameters.PAGE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = QueryParameters.SIZE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
    public PageView<AccessHeldView> heldAt(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                                           Authentication authentication) {
        AuditTrailReaders.requireReader(authentication);
        return grants.heldAt(AccessAsOfParameters.parse(parameters));
    }
}
