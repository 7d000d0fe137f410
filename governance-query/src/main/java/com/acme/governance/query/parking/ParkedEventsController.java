package com.acme.governance.query.parking;

import com.acme.governance.api.authorization.GovernanceRules;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.edge.security.AuthenticatedActor;
import com.acme.governance.query.web.PageView;
import com.acme.governance.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Operators deal with parked records here (role {@code OPERATOR}): list them, retry them (all, or one aggregate's),
 * and discard a record that is no event at all so that what is held behind it can be retried.
 */
@RestController("queryParkedEventsController")
@RequestMapping(path = "/api/v1/admin/parked-events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations")
public class ParkedEventsController {

    static final String AGGREGATE_ID = "aggregateId";
    /** {@code <topic>-<partition>@<offset>}, topic names as Kafka allows them. */
    private static final Pattern PARKED_ID = Pattern.compile("[a-zA-Z0-9._-]{1,249}-\\d{1,9}@\\d{1,19}");
    private static final Pattern AGGREGATE = Pattern.compile("[^\\p{Cntrl}$]{1,300}");

    private final ParkedEventsQuery query;
    private final RecordParking parking;

    public ParkedEventsController(ParkedEventsQuery query, RecordParking parking) {
        this.query = query;
        this.parking = parking;
    }

    @GetMapping
    @Operation(summary = "The parked records in log order (topic, partition, offset), with their reason and raw bytes")
    @Parameter(name = QueryParameters.PAGE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = QueryParameters.SIZE, in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
    public PageView<ParkedEventView> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                                          Authentication authentication) {
        requireOperator(authentication);
        QueryParameters page = QueryParameters.of(parameters, Set.of());
        page.throwIfInvalid();
        return new PageView<>(query.page(page.page(), page.size()), page.page(), page.size(), query.total());
    }

    @PostMapping("/retry")
    @Operation(summary = "Decode and apply the parked records again, in log order per aggregate",
            description = "Those that apply are removed and their aggregate released; the first that still fails stays "
                    + "parked with its new reason, and its aggregate's later records stay held behind it.")
    public RecordParking.RetryOutcome retry(@RequestParam(name = AGGREGATE_ID, required = false) String aggregateId,
                                            Authentication authentication) {
        requireOperator(authentication);
        if (aggregateId != null && !AGGREGATE.matcher(aggregateId).matches()) {
            throw new InvalidInputException(AGGREGATE_ID, "must be 1 to 300 characters, no control characters or $");
        }
        return parking.retry(aggregateId);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Discard a parked record that is no governance event (category undecodable)",
            description = "It stays on the dead-letter topic. Events (known or unknown types, held records) cannot be "
                    + "discarded: 409.")
    public ResponseEntity<Void> discard(@PathVariable("id") String id, Authentication authentication) {
        Actor operator = requireOperator(authentication);
        if (!PARKED_ID.matcher(id).matches()) {
            throw new InvalidInputException("id", "must be <topic>-<partition>@<offset>");
        }
        parking.discard(id, operator.principal());
        return ResponseEntity.noContent().build();
    }

    private static Actor requireOperator(Authentication authentication) {
        Actor actor = AuthenticatedActor.of(authentication);
        if (!GovernanceRules.operates(actor)) {
            throw new AccessDeniedException(GovernanceRules.operatesRefusal());
        }
        return actor;
    }
}
