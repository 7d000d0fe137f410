package com.acme.governance.command.web;

import com.acme.governance.edge.consistency.GovernanceToken;

/** Answer to a successful command: the aggregate and its version after the decision. */
public record CommandAccepted(String id, long version) {

    public static CommandAccepted of(GovernanceToken token) {
        return new CommandAccepted(token.aggregateId(), token.version());
    }
}
