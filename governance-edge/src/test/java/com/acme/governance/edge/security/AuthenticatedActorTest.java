package com.acme.governance.edge.security;

import com.acme.governance.api.audit.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticatedActorTest {

    @Test
    void teamAndRoleAuthoritiesBecomeTheActorsTeamsAndRoles() {
        var authentication = new TestingAuthenticationToken("frank", "pw",
                "TEAM_sales", "ROLE_STEWARD", "TEAM_logistics", "SCOPE_read", "TEAM_sales");

        Actor actor = AuthenticatedActor.of(authentication);

        assertThat(actor.principal()).isEqualTo("frank");
        assertThat(actor.teams()).containsExactly("logistics", "sales");
        assertThat(actor.roles()).containsExactly("STEWARD");
        assertThat(actor.isSteward()).isTrue();
    }

    @Test
    void withoutTeamOrRoleAuthoritiesTheActorHasNone() {
        Actor actor = AuthenticatedActor.of(new TestingAuthenticationToken("dave", "pw", "SCOPE_read"));

        assertThat(actor.teams()).isEmpty();
        assertThat(actor.roles()).isEmpty();
    }

    @Test
    void withoutAnAuthenticatedCallerThereIsNoActor() {
        assertThatThrownBy(() -> AuthenticatedActor.of(null)).isInstanceOf(IllegalStateException.class);
        var unauthenticated = new UsernamePasswordAuthenticationToken("alice", "alice-pw");
        assertThatThrownBy(() -> AuthenticatedActor.of(unauthenticated)).isInstanceOf(IllegalStateException.class);
    }
}
