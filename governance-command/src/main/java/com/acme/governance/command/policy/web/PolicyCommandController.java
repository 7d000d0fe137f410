package com.acme.governance.command.policy.web;

import com.acme.governance.api.policy.DefinePolicy;
import com.acme.governance.api.policy.PolicyId;
import com.acme.governance.api.policy.RetirePolicy;
import com.acme.governance.command.config.CommandProperties;
import com.acme.governance.command.policy.Policy;
import com.acme.governance.command.policy.catalog.PolicyCatalog;
import com.acme.governance.command.web.CommandAccepted;
import com.acme.governance.command.web.CommandDispatcher;
import com.acme.governance.command.web.IfMatch;
import com.acme.governance.command.policy.StewardOnly;
import com.acme.governance.command.web.Preconditions;
import com.acme.governance.edge.security.AuthenticatedActor;
import com.acme.governance.edge.consistency.GovernanceToken;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Objects;

/**
 * Stewards define, amend and retire policies. A change is answered as done (201, 200) only once the command side's
 * policy catalog has applied it, so that any access request made after the answer is decided under the new policy.
 * When the catalog does not catch up within {@code governance.command.catalog-wait}, the change is recorded but not
 * yet in force, and the answer says so: 202 with a {@link PolicyChangeNotYetInForce} body (ADR 0023).
 */
@RestController
@RequestMapping(path = "/api/v1/policies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "policies (commands)")
class PolicyCommandController {

    private static final Logger log = LoggerFactory.getLogger(PolicyCommandController.class);

    /** As the event store records the aggregate's type. */
    private static final String AGGREGATE_TYPE = Policy.class.getSimpleName();

    private final CommandDispatcher dispatcher;
    private final Preconditions preconditions;
    private final PolicyCatalog catalog;
    private final CommandProperties properties;

    PolicyCommandController(CommandDispatcher dispatcher, Preconditions preconditions, PolicyCatalog catalog,
                            CommandProperties properties) {
        this.dispatcher = dispatcher;
        this.preconditions = preconditions;
        this.catalog = catalog;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<Object> define(@RequestBody DefinePolicyRequest request) {
        DefinePolicy command = request.toCommand();
        // a missing id is refused by the command's own validation, together with the body's other problems
        GovernanceToken token = dispatcher.create(command, Objects.toString(command.id(), null));
        URI location = URI.create("/api/v1/policies/" + token.aggregateId());
        return answer(token, ResponseEntity.created(location), ResponseEntity.accepted().location(location));
    }

    /**
     * {@code If-Match} is the ETag GET answered; without one, or with {@code *}, 428 (ADR 0010); but only a steward
     * gets that far: anyone else is refused first (403), whatever the If-Match.
     */
    @PutMapping("/{id}")
    ResponseEntity<Object> amend(@PathVariable PolicyId id,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @RequestBody AmendPolicyRequest request) {
        long expectedVersion = preconditions.expectedVersion(AGGREGATE_TYPE, id.value(), ifMatch,
                () -> StewardOnly.require(AuthenticatedActor.current()));
        return answer(dispatcher.send(request.toCommand(id).expecting(expectedVersion), id.value()));
    }

    @PostMapping("/{id}/retire")
    ResponseEntity<Object> retire(@PathVariable PolicyId id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestBody(required = false) RetirePolicyRequest request) {
        String reason = request == null ? null : request.reason();
        long expectedVersion = preconditions.expectedVersion(AGGREGATE_TYPE, id.value(), ifMatch,
                () -> StewardOnly.require(AuthenticatedActor.current()));
        return answer(dispatcher.send(new RetirePolicy(id, expectedVersion, reason), id.value()));
    }

    private ResponseEntity<Object> answer(GovernanceToken token) {
        return answer(token, ResponseEntity.status(HttpStatus.OK), ResponseEntity.accepted());
    }

    /** Done once the catalog applied the change; recorded but not yet in force when it did not in time. */
    private ResponseEntity<Object> answer(GovernanceToken token, ResponseEntity.BodyBuilder inForce,
                                          ResponseEntity.BodyBuilder notYetInForce) {
        boolean applied = catalog.awaitApplied(token.aggregateId(), token.sequence(), properties.catalogWait());
        ResponseEntity.BodyBuilder answer = applied ? inForce : notYetInForce;
        answer.header(GovernanceToken.HEADER, token.toString()).eTag(IfMatch.etag(token.version()));
        if (applied) {
            return answer.body(CommandAccepted.of(token));
        }
        log.warn("Policy catalog has not applied {} after {}; access decisions use the previous version until it "
                + "does", token, properties.catalogWait());
        return answer.body(PolicyChangeNotYetInForce.of(token, properties.catalogWait()));
    }
}
