package com.acme.governance.command.policy;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.command.common.NotPermittedException;

/** Policies are set by the central group of data stewards, and only by them. */
public final class StewardOnly {

    private StewardOnly() {
    }

    public static void require(Actor actor) {
        if (!actor.isSteward()) {
            throw new NotPermittedException(refusal(actor));
        }
    }

    /** This rule's one message. */
    static String refusal(Actor actor) {
        return actor.principal() + " is not a data steward; only stewards govern policies";
    }
}
