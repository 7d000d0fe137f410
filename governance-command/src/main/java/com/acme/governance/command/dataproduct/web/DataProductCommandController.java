package com.acme.governance.command.dataproduct.web;

import com.acme.governance.api.dataproduct.ChangeCompatibilityMode;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.PublishDataProduct;
import com.acme.governance.api.dataproduct.RegisterDataProduct;
import com.acme.governance.api.dataproduct.RetireDataProduct;
import com.acme.governance.command.dataproduct.ContractCheck;
import com.acme.governance.command.dataproduct.DataProduct;
import com.acme.governance.command.web.CommandAccepted;
import com.acme.governance.command.web.CommandDispatcher;
import com.acme.governance.command.web.IfMatch;
import com.acme.governance.command.dataproduct.DataProductOwners;
import com.acme.governance.command.web.Preconditions;
import com.acme.governance.edge.security.AuthenticatedActor;
import com.acme.governance.edge.consistency.GovernanceToken;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/** The write side of data products: every decision a domain team or a steward takes on one. */
@RestController
@RequestMapping(path = "/api/v1/data-products", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "data products (commands)")
class DataProductCommandController {

    /** As the event store records the aggregate's type. */
    private static final String AGGREGATE_TYPE = DataProduct.class.getSimpleName();

    private final CommandDispatcher dispatcher;
    private final Preconditions preconditions;
    private final DataProductOwners owners;

    DataProductCommandController(CommandDispatcher dispatcher, Preconditions preconditions, DataProductOwners owners) {
        this.dispatcher = dispatcher;
        this.preconditions = preconditions;
        this.owners = owners;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterDataProductRequest request) {
        RegisterDataProduct command = request.toCommand();
        GovernanceToken token = dispatcher.create(command, command.id().toString());
        return answer(HttpStatus.CREATED, token);
    }

    /**
     * {@code If-Match} is the ETag GET answered; without one, or with {@code *}, 428 (ADR 0010); but a caller who may
     * not change the product is refused first (403), whatever the If-Match.
     */
    @PutMapping("/{id}")
    ResponseEntity<CommandAccepted> update(@PathVariable DataProductId id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestBody UpdateDataProductRequest request) {
        long expectedVersion = preconditions.expectedVersion(AGGREGATE_TYPE, id.toString(), ifMatch,
                () -> owners.requireMayChange(id, AuthenticatedActor.current()));
        return answer(HttpStatus.OK, dispatcher.send(request.toCommand(id, expectedVersion), id.toString()));
    }

    @PostMapping("/{id}/contracts")
    ResponseEntity<CommandAccepted> publishContractVersion(@PathVariable DataProductId id,
                                                           @Valid @RequestBody PublishContractVersionRequest request) {
        return answer(HttpStatus.CREATED, dispatcher.send(request.toCommand(id), id.toString()));
    }

    /** The same publication, of an Open Data Contract Standard v3.1.0 document kept as written (ADR 0050). */
    @PostMapping(path = "/{id}/contracts", consumes = {OdcsContractDocument.YAML, OdcsContractDocument.X_YAML})
    ResponseEntity<CommandAccepted> publishOdcsDocument(@PathVariable DataProductId id, @RequestBody String document) {
        return answer(HttpStatus.CREATED, dispatcher.send(OdcsContractDocument.read(document).toCommand(id),
                id.toString()));
    }

    /**
     * A dry run of a publication for a domain team's pipeline: 200 with the verdict under the product's mode and
     * every difference, recording nothing; refused as the publication would be (403, 404, 409 for a version not
     * above the latest or a retired product, 400 for a schema its type cannot read).
     */
    @PostMapping("/{id}/contracts:check")
    ContractCheck checkContractVersion(@PathVariable DataProductId id,
                                       @Valid @RequestBody PublishContractVersionRequest request) {
        return dispatcher.ask(request.toCheck(id), ContractCheck.class);
    }

    /** The dry run of an ODCS document's publication. */
    @PostMapping(path = "/{id}/contracts:check", consumes = {OdcsContractDocument.YAML, OdcsContractDocument.X_YAML})
    ContractCheck checkOdcsDocument(@PathVariable DataProductId id, @RequestBody String document) {
        return dispatcher.ask(OdcsContractDocument.read(document).toCheck(id), ContractCheck.class);
    }

    /** The mode the next contract versions are checked under; an event only when it changes. */
    @PutMapping("/{id}/compatibility-mode")
    ResponseEntity<CommandAccepted> changeCompatibilityMode(@PathVariable DataProductId id,
                                                            @Valid @RequestBody CompatibilityModeRequest request) {
        return answer(HttpStatus.OK, dispatcher.send(new ChangeCompatibilityMode(id, request.mode()), id.toString()));
    }

    @PostMapping("/{id}/publish")
    ResponseEntity<CommandAccepted> publish(@PathVariable DataProductId id) {
        return answer(HttpStatus.OK, dispatcher.send(new PublishDataProduct(id), id.toString()));
    }

    @PostMapping("/{id}/deprecate")
    ResponseEntity<CommandAccepted> deprecate(@PathVariable DataProductId id, @RequestBody DeprecateRequest request) {
        return answer(HttpStatus.OK, dispatcher.send(request.toCommand(id), id.toString()));
    }

    @PostMapping("/{id}/retire")
    ResponseEntity<CommandAccepted> retire(@PathVariable DataProductId id, @RequestBody ReasonRequest request) {
        return answer(HttpStatus.OK, dispatcher.send(new RetireDataProduct(id, request.reason()), id.toString()));
    }

    private static ResponseEntity<CommandAccepted> answer(HttpStatus status, GovernanceToken token) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .header(GovernanceToken.HEADER, token.toString())
                .eTag(IfMatch.etag(token.version()));
        if (status == HttpStatus.CREATED && token.sequence() == 0) {
            response.location(URI.create("/api/v1/data-products/" + token.aggregateId()));
        }
        return response.body(CommandAccepted.of(token));
    }
}
