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
import com.acme.governance.command.web.Preconditions;
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
 * Stewards define, amend and retire policies. A change is answered once the command side's policy catalog has
 * applied it, so that any access request made after the answer is decided under the new policy.
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
    ResponseEntity<CommandAccepted> define(@RequestBody DefinePolicyRequest request) {
        DefinePolicy command = request.toCommand();
        // a missing id is refused by the command's own validation, together with the body's other problems
        GovernanceToken token = dispatcher.create(command, Objects.toString(command.id(), null));
        awaitCatalog(token);
        return ResponseEntity.created(URI.create("/api/v1/policies/" + token.aggregateId()))
                .header(GovernanceToken.HEADER, token.toString())
                .eTag(IfMatch.etag(token.version()))
                .body(CommandAccepted.of(token));
    }

    /** {@code If-Match} is the ETag GET answered; without one, or with {@code *}, 428 (ADR 0010). */
    @PutMapping("/{id}")
    ResponseEntity<CommandAccepted> amend(@PathVariable PolicyId id,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @RequestBody AmendPolicyRequest request) {
        long expectedVersion = preconditions.expectedVersion(AGGREGATE_TYPE, id.value(), ifMatch);
        return answer(dispatcher.send(request.toCommand(id).expecting(expectedVersion), id.value()));
    }

    @PostMapping("/{id}/retire")
    ResponseEntity<CommandAccepted> retire(@PathVariable PolicyId id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestBody(required = false) RetirePolicyRequest request) {
        String reason = request == null ? null : request.reason();
        long expectedVersion = preconditions.expectedVersion(AGGREGATE_TYPE, id.value(), ifMatch);
        return answer(dispatcher.send(new RetirePolicy(id, expectedVersion, reason), id.value()));
    }

    private ResponseEntity<CommandAccepted> answer(GovernanceToken token) {
        awaitCatalog(token);
        return ResponseEntity.status(HttpStatus.OK).header(GovernanceToken.HEADER, token.toString())
                .eTag(IfMatch.etag(token.version()))
                .body(CommandAccepted.of(token));
    }

    private void awaitCatalog(GovernanceToken token) {
        if (!catalog.awaitApplied(token.aggregateId(), token.sequence(), properties.catalogWait())) {
            log.warn("Policy catalog has not applied {} after {}; access decisions may briefly use the previous "
                    + "version", token, properties.catalogWait());
        }
    }
}
