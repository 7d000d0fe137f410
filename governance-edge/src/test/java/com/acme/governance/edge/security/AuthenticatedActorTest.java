package com.acme.governance.edge.security;

import com.acme.governance.api.audit.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;


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

    @Test
    void aTokensIssuerVouchesForItsSubject() {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("frank")
                .issuer("https://idp.example.com/realms/mesh").build();

        Actor actor = AuthenticatedActor.of(new JwtAuthenticationToken(jwt, List.of(), "frank"));

        assertThat(actor.principal()).isEqualTo("frank");
        assertThat(actor.issuer()).isEqualTo("https://idp.example.com/realms/mesh");
    }

    @Test
    void aTokenWithoutAnIssuerLeavesItUnknown() {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("frank").build();

        assertThat(AuthenticatedActor.of(new JwtAuthenticationToken(jwt, List.of(), "frank")).issuer()).isNull();
    }

    @Test
    void aCallerAuthenticatedWithoutATokenIsOneOfTheServicesOwnUsers() {
        var basic = UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of());

        assertThat(AuthenticatedActor.of(basic).issuer()).isEqualTo(Actor.LOCAL_ISSUER);
    }
}
