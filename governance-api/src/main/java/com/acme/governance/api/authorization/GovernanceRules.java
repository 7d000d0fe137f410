package com.acme.governance.api.authorization;

import com.acme.governance.api.access.ApprovalEligibility;
import com.acme.governance.api.audit.Actor;

import java.util.List;

/**
 * The authorization model, every rule once, by name. Both services and both edges (REST and GraphQL) decide by
 * these rules and refuse with their messages; nothing else in the code tests a role or a team to decide who may do
 * what. Who gives which approval of an access request is the one rule too detailed for a line here:
 * {@link ApprovalEligibility}. README's "Who may do what" and {@code AuthorizationTableIT} show the outcome for every
 * endpoint, operation and local user.
 *
 * <ul>
 *   <li><b>domain team members</b> register products for their team and ask for access for their team;</li>
 *   <li><b>the owner team</b> (or a data steward) changes its products, rejects requests to them, revokes grants;</li>
 *   <li><b>data stewards</b> govern policies and may act for every product;</li>
 *   <li><b>auditors</b> read everything, the audit trail included, and take no governance decision;</li>
 *   <li><b>operators</b> run the service (actuator, parked events, rebuilds) and take no governance decision.</li>
 * </ul>
 */
public final class GovernanceRules {

    /** The roles that read the whole audit trail: it holds every team's decisions. */
    public static final List<String> AUDIT_TRAIL_READERS = List.of(Actor.AUDITOR, Actor.STEWARD, Actor.OPERATOR);

    private GovernanceRules() {
    }

    /** Acts for a product (changes it, rejects requests to it, revokes its grants): its owner team or a steward. */
    public static boolean actsForProduct(Actor actor, String ownerTeam) {
        return actor.memberOf(ownerTeam) || actor.isSteward();
    }

    public static String actsForProductRefusal(Actor actor, String ownerTeam) {
        return actor.principal() + " is neither in owner team '" + ownerTeam + "' nor a data steward";
    }

    /** Registers a product for a team, or asks for access on a team's behalf: a member of that team. */
    public static boolean speaksForTeam(Actor actor, String team) {
        return actor.memberOf(team);
    }

    public static String speaksForTeamRefusal(Actor actor, String team, String what) {
        return actor.principal() + " does not belong to team '" + team + "' and cannot " + what + " on its behalf";
    }

    /** Defines, changes and retires policies: the central group of data stewards, and only they. */
    public static boolean governsPolicies(Actor actor) {
        return actor.isSteward();
    }

    public static String governsPoliciesRefusal(Actor actor) {
        return actor.principal() + " is not a data steward; only stewards govern policies";
    }

    /** Reads the audit trail, access as of an instant, verification and digests: auditors, stewards, operators. */
    public static boolean readsAuditTrail(Actor actor) {
        return AUDIT_TRAIL_READERS.stream().anyMatch(actor::hasRole);
    }

    public static String readsAuditTrailRefusal() {
        return "the audit trail is for auditors, data stewards and operators";
    }

    /** Asks for a signed audit digest: auditors and operators (a signed statement in the service's name). */
    public static boolean asksForDigests(Actor actor) {
        return actor.hasRole(Actor.AUDITOR) || actor.hasRole(Actor.OPERATOR);
    }

    public static String asksForDigestsRefusal(Actor actor) {
        return actor.principal() + " is neither an auditor nor an operator; only they ask for audit digests";
    }

    /** Operates the service: actuator beyond health, parked events, rebuilds. Operators only. */
    public static boolean operates(Actor actor) {
        return actor.hasRole(Actor.OPERATOR);
    }

    public static String operatesRefusal() {
        return "operators only";
    }
}
