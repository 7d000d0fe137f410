package com.acme.governance.command.relay.republish.web;

import com.acme.governance.api.authorization.GovernanceRules;
import com.acme.governance.command.common.NotPermittedException;
import com.acme.governance.command.relay.republish.TopicRepublisher;
import com.acme.governance.edge.security.AuthenticatedActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators write the event log again from the event store (deploy/RUNBOOK.md: restoring the topic). */
@RestController("commandEventLogAdminController")
@RequestMapping(path = "/api/v1/admin/event-log", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations")
public class EventLogAdminController {

    private final TopicRepublisher republisher;

    public EventLogAdminController(TopicRepublisher republisher) {
        this.republisher = republisher;
    }

    @PostMapping("/republish")
    @Operation(summary = "Write every stored event, each aggregate's in sequence order, into an empty topic",
            description = "Creates the topic like the governance topic when it is missing; 409 when it holds records, "
                    + "has another number of partitions, or was republished into already. "
                    + "Answers once every record is acknowledged by Kafka. Into the live topic only while no command "
                    + "is taken (deploy/RUNBOOK.md), or the relay's new events could come before older ones.")
    public TopicRepublisher.Republished republish(@Valid @RequestBody RepublishRequest request,
                                                  Authentication authentication) throws Exception {
        if (!GovernanceRules.operates(AuthenticatedActor.of(authentication))) {
            throw new NotPermittedException(GovernanceRules.operatesRefusal());
        }
        return republisher.republish(request.topic(), authentication.getName());
    }
}
