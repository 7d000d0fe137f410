package com.acme.governance.api.dataproduct;

import com.acme.governance.api.audit.Actor;

/**
 * Who may act for a data product: a member of its owner team, or a data steward, who may act for any product. It
 * decides every change of a product, and who rejects the access requests to it and revokes its grants.
 */
public final class OwnerOrSteward {

    private OwnerOrSteward() {
    }

    public static boolean allows(Actor actor, String ownerTeam) {
        return actor.memberOf(ownerTeam) || actor.isSteward();
    }

    /** Why {@link #allows} said no: the one message of this rule's refusal. */
    public static String refusal(Actor actor, String ownerTeam) {
        return actor.principal() + " is neither in owner team '" + ownerTeam + "' nor a data steward";
    }
}
