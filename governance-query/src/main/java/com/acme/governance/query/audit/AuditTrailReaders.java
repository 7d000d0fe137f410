package com.acme.governance.query.audit;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.edge.security.AuthenticatedActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

import java.util.List;

/**
 * Who may read the whole audit trail: auditors, data stewards and operators. A domain team member sees only what
 * their products' histories show; the trail holds every team's decisions.
 */
public final class AuditTrailReaders {

    public static final List<String> ROLES = List.of(Actor.AUDITOR, Actor.STEWARD, Actor.OPERATOR);

    private AuditTrailReaders() {
    }

    public static boolean isReader(Authentication authentication) {
        Actor actor = AuthenticatedActor.of(authentication);
        return ROLES.stream().anyMatch(actor::hasRole);
    }

    /** @throws AccessDeniedException when the caller holds none of {@link #ROLES} */
    public static void requireReader(Authentication authentication) {
        if (!isReader(authentication)) {
            throw new AccessDeniedException("the audit trail is for auditors, data stewards and operators");
        }
    }
}
