package com.acme.governance.edge.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TeamAndRoleAuthoritiesTest {

    private final TeamAndRoleAuthorities authorities = new TeamAndRoleAuthorities();

    @Test
    void teamsAndRolesBecomePrefixedAuthorities() {
        Jwt jwt = jwt().claim("teams", List.of("sales", "logistics")).claim("roles", List.of("STEWARD")).build();

        assertThat(authorities.convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("TEAM_sales", "TEAM_logistics", "ROLE_STEWARD");
    }

    @Test
    void missingClaimsGiveNoAuthorities() {
        assertThat(authorities.convert(jwt().claim("scope", "read").build())).isEmpty();
    }

    @Test
    void theConfiguredConverterNamesThePrincipalAndMapsTheClaims() {
        var converter = new EdgeSecurityAutoConfiguration().teamAndRoleJwtAuthenticationConverter(
                new EdgeSecurityProperties("teams", "roles", new EdgeSecurityProperties.Cors(List.of(),
                        Duration.ofHours(1))));

        var authentication = converter.convert(jwt().claim("roles", List.of("AUDITOR")).build());

        assertThat(authentication.getName()).isEqualTo("dave");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_AUDITOR");
    }

    @Test
    void theClaimsCanBeNamedAsTheIdentityProviderNamesThem() {
        var named = new TeamAndRoleAuthorities("groups", "realm_roles");

        Jwt jwt = jwt().claim("groups", List.of("sales")).claim("realm_roles", List.of("OPERATOR"))
                .claim("teams", List.of("ignored")).build();

        assertThat(named.convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("TEAM_sales", "ROLE_OPERATOR");
    }

    private static Jwt.Builder jwt() {
        return Jwt.withTokenValue("token").header("alg", "none").subject("dave")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T01:00:00Z"));
    }
}
