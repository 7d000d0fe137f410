package com.acme.governance.command.access.web;

import com.acme.governance.api.access.ApproveAccessRequest;
import com.acme.governance.api.access.RejectAccessRequest;
import com.acme.governance.api.access.RequestAccess;
import com.acme.governance.api.access.RevokeAccessGrant;
import com.acme.governance.api.access.WithdrawAccessRequest;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.command.web.CommandAccepted;
import com.acme.governance.command.web.CommandDispatcher;
import com.acme.governance.edge.consistency.GovernanceToken;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import com.acme.governance.command.idempotency.KeyDerivedIds;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;

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
    ResponseEntity<CommandAccepted> request(@Valid @RequestBody RequestAccessRequest request,
                                            HttpServletRequest http, Principal principal) {
        AccessRequestId requestId = AccessRequestId.of(KeyDerivedIds.uuid("access-request", principal.getName(), http));
        RequestAccess command = request.toCommand(requestId);
        GovernanceToken token = dispatcher.create(command, requestId.toString());
        return ResponseEntity.created(URI.create("/api/v1/access-requests/" + requestId))
                .header(GovernanceToken.HEADER, token.toString())
                .body(CommandAccepted.of(token));
    }

    @PostMapping("/api/v1/access-requests/{id}/approve")
    ResponseEntity<CommandAccepted> approve(@PathVariable AccessRequestId id) {
        return answer(dispatcher.send(new ApproveAccessRequest(id), id.value()));
    }

    @PostMapping("/api/v1/access-requests/{id}/reject")
    ResponseEntity<CommandAccepted> reject(@PathVariable AccessRequestId id, @RequestBody ReasonBody body) {
        return answer(dispatcher.send(new RejectAccessRequest(id, body.reason()), id.value()));
    }

    @PostMapping("/api/v1/access-requests/{id}/withdraw")
    ResponseEntity<CommandAccepted> withdraw(@PathVariable AccessRequestId id) {
        return answer(dispatcher.send(new WithdrawAccessRequest(id), id.value()));
    }

    @PostMapping("/api/v1/access-grants/{id}/revoke")
    ResponseEntity<CommandAccepted> revoke(@PathVariable AccessRequestId id, @RequestBody ReasonBody body) {
        return answer(dispatcher.send(new RevokeAccessGrant(id, body.reason()), id.value()));
    }

    private static ResponseEntity<CommandAccepted> answer(GovernanceToken token) {
        return ResponseEntity.ok().header(GovernanceToken.HEADER, token.toString()).body(CommandAccepted.of(token));
    }
}
