package com.acme.governance.api.audit;

import java.util.List;
import java.util.Objects;

/**
 * Who takes a decision: the authenticated principal, the teams they belong to, their governance roles and who
 * vouches for that identity (the JWT's {@code iss}, {@link #LOCAL_ISSUER} for the local stack's users,
 * {@link #SYSTEM_ISSUER} for the service itself); the issuer is null only for messages recorded before it was kept.
 */
public record Actor(String principal, List<String> teams, List<String> roles, String issuer) {

    public static final String STEWARD = "STEWARD";
    public static final String AUDITOR = "AUDITOR";
    public static final String OPERATOR = "OPERATOR";
    /** The issuer of the users the local stack defines for itself (HTTP Basic), which no identity provider issues. */
    public static final String LOCAL_ISSUER = "urn:governance:local-users";
    /** The issuer of the decisions the service takes by itself (expiries, closures, scheduled digests). */
    public static final String SYSTEM_ISSUER = "urn:governance:system";

    public Actor {
        Objects.requireNonNull(principal, "principal");
        teams = teams == null ? List.of() : List.copyOf(teams);
        roles = roles == null ? List.of() : List.copyOf(roles);
        issuer = issuer == null || issuer.isBlank() ? null : issuer;
    }

    /** An actor whose issuer is not known. */
    public Actor(String principal, List<String> teams, List<String> roles) {
        this(principal, teams, roles, null);
    }

    public boolean memberOf(String team) {
        return teams.contains(team);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isSteward() {
        return hasRole(STEWARD);
    }
}
