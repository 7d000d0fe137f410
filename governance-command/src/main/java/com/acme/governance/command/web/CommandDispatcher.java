package com.acme.governance.command.web;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.command.security.ActorMetaData;
import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.edge.security.AuthenticatedActor;
import com.acme.governance.edge.web.CorrelationIdFilter;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Sends a command on behalf of the authenticated caller, with the audit metadata every resulting event must carry,
 * and returns the token of the last event it appended.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commandGateway;

    public CommandDispatcher(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** For a command that creates its aggregate: its first event is sequence 0. */
    public GovernanceToken create(Object command, String aggregateId) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(auditMetadata()));
        return new GovernanceToken(aggregateId, 0);
    }

    /** For a command on an existing aggregate, whose handler answers the sequence number of its last event. */
    public GovernanceToken send(Object command, String aggregateId) {
        Object lastSequence = commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(auditMetadata()));
        if (!(lastSequence instanceof Number sequence)) {
            throw new IllegalStateException(command.getClass().getSimpleName()
                    + " handler must answer the aggregate's last sequence number");
        }
        return new GovernanceToken(aggregateId, sequence.longValue());
    }

    /** For a command that decides nothing and answers a value (a dry run). */
    public <R> R ask(Object command, Class<R> answer) {
        return answer.cast(commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(auditMetadata())));
    }

    /** Who decides, and the request's correlation id, which the events then carry (Axon's origin provider). */
    private static MetaData auditMetadata() {
        Actor actor = AuthenticatedActor.current();
        MetaData metaData = ActorMetaData.of(actor);
        return CorrelationIdFilter.current().map(id -> metaData.and(AuditMetadata.CORRELATION_ID, id))
                .orElse(metaData);
    }
}
