package com.acme.governance.api.audit;

import java.util.List;
import java.util.Objects;

/**
 * Who takes a decision: the authenticated principal, the teams they belong to and their governance roles.
 */
public record Actor(String principal, List<String> teams, List<String> roles) {

    public static final String STEWARD = "STEWARD";
    public static final String AUDITOR = "AUDITOR";
    public static final String OPERATOR = "OPERATOR";

    public Actor {
        Objects.requireNonNull(principal, "principal");
        teams = teams == null ? List.of() : List.copyOf(teams);
        roles = roles == null ? List.of() : List.copyOf(roles);
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
