package com.acme.governance.api.access;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.policy.ApprovalRole;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who may give which approval of an access request. An OWNER approval comes from a member of the product's owner
 * team, a STEWARD approval from a data steward; nobody decides on their own request (separation of duties), no
 * member of the consumer team approves its team's request (separation of duties between teams), and nobody approves
 * one twice, even in another role. The command side decides approvals by this rule; the query side's
 * {@code awaitingMyApproval} searches by the same {@link #rightsOf rights} and exclusions, so that it lists exactly
 * what the caller could approve.
 */
public final class ApprovalEligibility {

    private ApprovalEligibility() {
    }

    /**
     * The right to give approvals in one role: on the products of some owner teams, or on every product.
     *
     * @param ownerTeams the teams whose products it covers; ignored when {@code onEveryProduct}
     */
    public record ApprovalRight(ApprovalRole role, boolean onEveryProduct, List<String> ownerTeams) {

        public ApprovalRight {
            ownerTeams = List.copyOf(ownerTeams);
        }

        public boolean covers(String ownerTeam) {
            return onEveryProduct || ownerTeams.contains(ownerTeam);
        }
    }

    /** Every approval the actor may give, OWNER before STEWARD: the order in which one who may give both gives them. */
    public static List<ApprovalRight> rightsOf(Actor actor) {
        List<ApprovalRight> rights = new ArrayList<>();
        if (!actor.teams().isEmpty()) {
            rights.add(new ApprovalRight(ApprovalRole.OWNER, false, actor.teams()));
        }
        if (actor.isSteward()) {
            rights.add(new ApprovalRight(ApprovalRole.STEWARD, true, List.of()));
        }
        return List.copyOf(rights);
    }

    /**
     * The outstanding approval the actor gives on a request for a product of {@code ownerTeam}, if they may give
     * any; whether it is their own request, or one they approved already, is asked separately.
     */
    public static Optional<ApprovalRole> roleFor(Actor actor, String ownerTeam, Collection<ApprovalRole> outstanding) {
        return rightsOf(actor).stream()
                .filter(right -> outstanding.contains(right.role()) && right.covers(ownerTeam))
                .map(ApprovalRight::role)
                .findFirst();
    }

    /** Separation of duties: whoever made a request neither approves nor rejects it. */
    public static boolean isOwnRequest(Actor actor, String requestedBy) {
        return actor.principal().equals(requestedBy);
    }

    /** Separation of duties between teams: no member of the team that would read the product approves its access. */
    public static boolean isInConsumerTeam(Actor actor, String consumerTeam) {
        return actor.memberOf(consumerTeam);
    }

    public static boolean hasApproved(Actor actor, Collection<String> approvers) {
        return approvers.contains(actor.principal());
    }

    /** The refusal of {@link #isOwnRequest}. */
    public static String ownRequestRefusal(Actor actor, String requestId) {
        return "separation of duties: " + actor.principal() + " may not decide on their own request " + requestId;
    }

    /** The refusal of {@link #isInConsumerTeam}. */
    public static String consumerTeamRefusal(Actor actor, String consumerTeam, String requestId) {
        return "separation of duties: " + actor.principal() + " is in team '" + consumerTeam
                + "', which asks for access in request " + requestId + ", and may not approve it";
    }

    /** The refusal of {@link #hasApproved}. */
    public static String alreadyApprovedRefusal(Actor actor, String requestId) {
        return actor.principal() + " has already approved request " + requestId;
    }

    /** The refusal when {@link #roleFor} finds no approval the actor may give. */
    public static String noApprovalRefusal(Actor actor, Collection<ApprovalRole> outstanding) {
        return actor.principal() + " can give none of the outstanding approvals " + List.copyOf(outstanding);
    }
}
