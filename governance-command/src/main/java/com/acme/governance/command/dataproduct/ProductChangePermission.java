package com.acme.governance.command.dataproduct;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.command.common.NotPermittedException;

/** Only members of a product's owner team, or data stewards, may change the product. */
final class ProductChangePermission {

    private ProductChangePermission() {
    }

    static void require(Actor actor, String ownerTeam) {
        if (!actor.memberOf(ownerTeam) && !actor.isSteward()) {
            throw new NotPermittedException(actor.principal() + " is neither in owner team '" + ownerTeam
                    + "' nor a data steward");
        }
    }
}
