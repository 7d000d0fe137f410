package com.acme.governance.query.consistency;

/** The read models did not reach a consistency token within the configured wait. */
public class ReadModelBehindException extends RuntimeException {

    private final ConsistencyToken token;

    public ReadModelBehindException(ConsistencyToken token) {
        super("The read model has not applied " + token + " yet");
        this.token = token;
    }

    public ConsistencyToken token() {
        return token;
    }
}
