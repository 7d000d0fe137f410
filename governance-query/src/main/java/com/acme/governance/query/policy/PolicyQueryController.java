package com.acme.governance.query.policy;

import com.acme.governance.api.policy.PolicyId;
import com.acme.governance.api.Limits;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.asof.AggregateAsOf;
import com.acme.governance.query.asof.AsOfParameter;
import com.acme.governance.query.web.PageView;
import com.acme.governance.query.web.QueryParameters;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The read side of governance policies. */
@RestController("queryPolicyController")
@RequestMapping(path = "/api/v1/policies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Policies")
public class PolicyQueryController {

    private final PolicyRepository policies;
    private final AggregateAsOf history;

    public PolicyQueryController(PolicyRepository policies, AggregateAsOf history) {
        this.policies = policies;
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "List policies, in id order", description = "Filters combine with AND; domain selects the "
            + "policies scoped to that domain (global policies have none). Unknown parameters are refused.")
    @Parameter(name = PolicyListParameters.STATUS, in = ParameterIn.QUERY,
            schema = @Schema(allowableValues = {"ACTIVE", "RETIRED"}))
    @Parameter(name = PolicyListParameters.DOMAIN, in = ParameterIn.QUERY,
            schema = @Schema(pattern = PolicyListParameters.DOMAIN_PATTERN))
    @Parameter(name = QueryParameters.PAGE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = QueryParameters.SIZE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
    public PageView<PolicyView> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return policies.search(PolicyListParameters.parse(parameters));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A policy's state, today or as it stood at asOf; its eventCount is also the ETag to send as "
            + "If-Match", description = "asOf (ISO-8601, not in the future) rebuilds the policy from its events up to "
            + "that instant; before its definition the answer is 404.")
    @Parameter(name = AsOfParameter.AS_OF, in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"))
    public ResponseEntity<PolicyView> get(@PathVariable("id") PolicyId id,
                                          @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        PolicyView policy = history.todayOrAsOf(parameters, "Policy", PolicyProjection.AGGREGATE_TYPE, id.value(),
                PolicyFold::apply, () -> policies.find(id.value()));
        // the event count, not the policy's version: retirement changes the policy without making a version
        return ResponseEntity.ok().eTag("\"" + policy.eventCount() + "\"").body(policy);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every version of a policy as it was decided, oldest first, with the rationale of each amendment")
    public List<PolicyVersionView> versions(@PathVariable("id") PolicyId id) {
        if (!policies.exists(id.value())) {
            throw new ResourceNotFoundException("Policy", id.value());
        }
        return policies.versionsOf(id.value());
    }
}
