package com.acme.governance.query.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.ListAccessRequests;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.edge.security.AuthenticatedActor;
import com.acme.governance.query.web.PageView;
import com.acme.governance.query.web.QueryParameters;
import com.acme.governance.query.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read side of access requests. */
@RestController("queryAccessRequestController")
@RequestMapping(path = "/api/v1/access-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Access requests")
public class AccessRequestQueryController {

    private final AccessRequestRepository requests;

    public AccessRequestQueryController(AccessRequestRepository requests) {
        this.requests = requests;
    }

    @GetMapping
    @Operation(summary = "List access requests, oldest first", description = "Filters combine with AND. "
            + "awaitingMyApproval=true keeps the PENDING requests whose next required approval the caller can give: "
            + "not their own, not approved by them yet, OWNER outstanding and the caller in the owner team, or "
            + "STEWARD outstanding and the caller a data steward. Unknown parameters are refused.")
    @Parameter(name = AccessRequestListParameters.STATUS, in = ParameterIn.QUERY,
            schema = @Schema(allowableValues = {"PENDING", "GRANTED", "REJECTED", "WITHDRAWN", "REVOKED", "EXPIRED"}))
    @Parameter(name = AccessRequestListParameters.DATA_PRODUCT_ID, in = ParameterIn.QUERY,
            schema = @Schema(pattern = DataProductId.PATTERN))
    @Parameter(name = AccessRequestListParameters.CONSUMER_TEAM, in = ParameterIn.QUERY,
            schema = @Schema(pattern = TeamName.PATTERN))
    @Parameter(name = AccessRequestListParameters.AWAITING_MY_APPROVAL, in = ParameterIn.QUERY,
            schema = @Schema(type = "boolean", defaultValue = "false"))
    @Parameter(name = QueryParameters.PAGE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = QueryParameters.SIZE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
    public PageView<AccessRequestView> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                                            @Parameter(hidden = true) Authentication authentication) {
        ListAccessRequests query = AccessRequestListParameters.parse(parameters);
        return requests.search(query, AuthenticatedActor.of(authentication));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One access request: its status, the approvals it needs and got, and the decision "
            + "(policy versions, maximum days, purpose requirement) fixed when it was made")
    public AccessRequestView get(@PathVariable("id") AccessRequestId id) {
        return requests.find(id.value())
                .orElseThrow(() -> new ResourceNotFoundException("Access request", id.value()));
    }
}
