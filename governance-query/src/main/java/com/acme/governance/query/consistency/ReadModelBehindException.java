package com.acme.governance.query.consistency;

import com.acme.governance.edge.consistency.GovernanceToken;

/** The read models did not reach a consistency token within the configured wait. */
public class ReadModelBehindException extends RuntimeException {

    private final GovernanceToken token;

    public ReadModelBehindException(GovernanceToken token) {
        super("The read model has not applied " + token + " yet");
        this.token = token;
    }

    public GovernanceToken token() {
        return token;
    }
}
