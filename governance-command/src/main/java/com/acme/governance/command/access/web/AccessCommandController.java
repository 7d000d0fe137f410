package com.acme.governance.command.access.web;

import com.acme.governance.api.access.ApproveAccessRequest;
import com.acme.governance.api.access.RejectAccessRequest;
import com.acme.governance.api.access.RequestAccess;
import com.acme.governance.api.access.RevokeAccessGrant;
import com.acme.governance.api.access.WithdrawAccessRequest;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.command.web.CommandAccepted;
import com.acme.governance.command.web.CommandDispatcher;
import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.edge.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Access requests and the grants they become: one id for both. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "access (commands)")
class AccessCommandController {

    private final CommandDispatcher dispatcher;

    AccessCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping("/api/v1/access-requests")
    ResponseEntity<CommandAccepted> request(@Valid @RequestBody RequestAccessRequest request) {
        String requestId = UUID.randomUUID().toString();
        RequestAccess command = new RequestAccess(requestId, productId(request.dataProductId()),
                request.consumerTeam(), request.purpose(), request.durationDays());
        GovernanceToken token = dispatcher.create(command, requestId);
        return ResponseEntity.created(URI.create("/api/v1/access-requests/" + requestId))
                .header(GovernanceToken.HEADER, token.toString())
                .body(CommandAccepted.of(token));
    }

    @PostMapping("/api/v1/access-requests/{id}/approve")
    ResponseEntity<CommandAccepted> approve(@PathVariable String id) {
        return answer(dispatcher.send(new ApproveAccessRequest(requestId(id)), id));
    }

    @PostMapping("/api/v1/access-requests/{id}/reject")
    ResponseEntity<CommandAccepted> reject(@PathVariable String id, @RequestBody ReasonBody body) {
        return answer(dispatcher.send(new RejectAccessRequest(requestId(id), body.reason()), id));
    }

    @PostMapping("/api/v1/access-requests/{id}/withdraw")
    ResponseEntity<CommandAccepted> withdraw(@PathVariable String id) {
        return answer(dispatcher.send(new WithdrawAccessRequest(requestId(id)), id));
    }

    @PostMapping("/api/v1/access-grants/{id}/revoke")
    ResponseEntity<CommandAccepted> revoke(@PathVariable String id, @RequestBody ReasonBody body) {
        return answer(dispatcher.send(new RevokeAccessGrant(requestId(id), body.reason()), id));
    }

    private static ResponseEntity<CommandAccepted> answer(GovernanceToken token) {
        return ResponseEntity.ok().header(GovernanceToken.HEADER, token.toString()).body(CommandAccepted.of(token));
    }

    private static DataProductId productId(String id) {
        try {
            return DataProductId.of(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("dataProductId", e.getMessage());
        }
    }

    private static String requestId(String id) {
        try {
            return UUID.fromString(id).toString().equals(id.toLowerCase()) ? id.toLowerCase() : fail();
        } catch (IllegalArgumentException e) {
            return fail();
        }
    }

    private static String fail() {
        throw new InvalidInputException("id", "an access request id is a UUID");
    }
}
