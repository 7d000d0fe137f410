package com.acme.governance.command.policy;

import com.acme.governance.api.authorization.GovernanceRules;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.command.common.NotPermittedException;

/** The command side's enforcement of {@link GovernanceRules#governsPolicies}: policies are the stewards'. */
public final class StewardOnly {

    private StewardOnly() {
    }

    public static void require(Actor actor) {
        if (!GovernanceRules.governsPolicies(actor)) {
            throw new NotPermittedException(GovernanceRules.governsPoliciesRefusal(actor));
        }
    }
}
