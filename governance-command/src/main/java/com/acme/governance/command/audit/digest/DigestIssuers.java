package com.acme.governance.command.audit.digest;

import com.acme.governance.api.authorization.GovernanceRules;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.command.common.NotPermittedException;

import java.util.List;

/**
 * Who may issue an audit digest: auditors and operators on request, and the system on its schedule. A digest
 * changes no governance decision, but it is a signed statement in the service's name, so not anybody's to make.
 */
public final class DigestIssuers {

    /** The actor of the periodic digests: the system, with no teams and no roles, vouched for by itself. */
    public static final Actor SYSTEM = new Actor(AuditMetadata.SYSTEM_PRINCIPAL, List.of(), List.of(),
            Actor.SYSTEM_ISSUER);

    private DigestIssuers() {
    }

    public static boolean allows(Actor actor) {
        return GovernanceRules.asksForDigests(actor) || SYSTEM.equals(actor);
    }

    /**
     * A request over HTTP: auditors and operators only. The system's identity is the schedule's, never a caller's,
     * whatever name an identity provider gives someone.
     *
     * @throws NotPermittedException otherwise
     */
    public static void requireRequester(Actor actor) {
        if (!GovernanceRules.asksForDigests(actor)) {
            throw new NotPermittedException(GovernanceRules.asksForDigestsRefusal(actor));
        }
    }

    /** @throws NotPermittedException when {@link #allows} does not */
    public static void require(Actor actor) {
        if (!allows(actor)) {
            throw new NotPermittedException(actor.principal() + " is neither an auditor nor an operator; only they, "
                    + "and the system on its schedule, issue audit digests");
        }
    }
}
