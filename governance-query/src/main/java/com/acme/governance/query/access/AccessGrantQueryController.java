package com.acme.governance.query.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.query.web.PageView;
import com.acme.governance.query.web.QueryParameters;
import com.acme.governance.query.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read side of access grants; a grant's id is the id of its request. */
@RestController("queryAccessGrantController")
@RequestMapping(path = "/api/v1/access-grants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Access grants")
public class AccessGrantQueryController {

    private final AccessGrantRepository grants;

    public AccessGrantQueryController(AccessGrantRepository grants) {
        this.grants = grants;
    }

    @GetMapping
    @Operation(summary = "List access grants, earliest start first",
            description = "Filters combine with AND. Unknown parameters are refused.")
    @Parameter(name = AccessGrantListParameters.DATA_PRODUCT_ID, in = ParameterIn.QUERY,
            schema = @Schema(pattern = DataProductId.PATTERN))
    @Parameter(name = AccessGrantListParameters.CONSUMER_TEAM, in = ParameterIn.QUERY,
            schema = @Schema(pattern = TeamName.PATTERN))
    @Parameter(name = AccessGrantListParameters.STATUS, in = ParameterIn.QUERY,
            schema = @Schema(allowableValues = {"ACTIVE", "REVOKED", "EXPIRED"}))
    @Parameter(name = QueryParameters.PAGE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = QueryParameters.SIZE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
    public PageView<AccessGrantView> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return grants.search(AccessGrantListParameters.parse(parameters));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One access grant, with the approvals and the decision it came from")
    public AccessGrantView get(@PathVariable("id") AccessRequestId id) {
        return grants.find(id.value())
                .orElseThrow(() -> new ResourceNotFoundException("Access grant", id.value()));
    }
}
