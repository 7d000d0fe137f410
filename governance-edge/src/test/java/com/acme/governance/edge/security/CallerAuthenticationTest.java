package com.acme.governance.edge.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An {@code Authorization} value given otherwise than as a header is authenticated as the chain would do it. */
class CallerAuthenticationTest {

    private final CallerAuthentication localUsers = CallerAuthentication.of(LocalUsers.userDetailsService(), null,
            null, new JwtAuthenticationConverter(), null);

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicCredentialsOfALocalUserAreThatUserWithTeamsAndRoles() {
        Authentication erin = localUsers.authenticate(basic("erin:erin-pw"));
        assertThat(erin.isAuthenticated()).isTrue();
        assertThat(erin.getName()).isEqualTo("erin");
        assertThat(erin.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("TEAM_sales", "TEAM_logistics");
        assertThat(localUsers.authenticate("basic  " + basic("carol:carol-pw").substring(6)).getName())
                .isEqualTo("carol");
    }

    @Test
    void wrongMalformedOrUnacceptedCredentialsAreRefused() {
        for (String refused : new String[] {basic("erin:wrong"), basic("nobody:nobody-pw"), basic("erin"),
                "Basic not*base64", "Bearer eyJhbGciOiJub25lIn0.e30.", "Digest erin", "", "   "}) {
            assertThatThrownBy(() -> localUsers.authenticate(refused)).as(refused)
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> localUsers.authenticate(null)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void withNeitherUsersNorAnIdentityProviderNothingStarts() {
        assertThatThrownBy(() -> CallerAuthentication.of(null, null, null, new JwtAuthenticationConverter(), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("issuer-uri");
    }
}
