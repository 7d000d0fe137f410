package com.acme.governance.query.audit;

import com.acme.governance.api.authorization.GovernanceRules;
import com.acme.governance.edge.security.AuthenticatedActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;


/**
 * The query side's enforcement of {@link GovernanceRules#readsAuditTrail}: a domain team member sees only what their
 * products' histories show; the trail holds every team's decisions.
 */
public final class AuditTrailReaders {

    private AuditTrailReaders() {
    }

    public static boolean isReader(Authentication authentication) {
        return GovernanceRules.readsAuditTrail(AuthenticatedActor.of(authentication));
    }

    /** @throws AccessDeniedException when {@link GovernanceRules#readsAuditTrail} refuses the caller */
    public static void requireReader(Authentication authentication) {
        if (!isReader(authentication)) {
            throw new AccessDeniedException(GovernanceRules.readsAuditTrailRefusal());
        }
    }
}
