package com.acme.governance.edge.security;

import com.acme.governance.api.audit.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;

/**
 * The caller as the contract's {@link Actor}: authorities {@code TEAM_x} are their teams and {@code ROLE_x} their
 * roles, whether they came from a JWT ({@link TeamAndRoleAuthorities}) or from the {@link LocalUsers}. The issuer is
 * the JWT's {@code iss} (absent when the token has none), else {@link Actor#LOCAL_ISSUER}: whoever is not
 * authenticated by a token is authenticated by the service's own users.
 */
public final class AuthenticatedActor {

    private AuthenticatedActor() {
    }

    /** The caller of the request being handled. @throws IllegalStateException when nobody is authenticated */
    public static Actor current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** @throws IllegalStateException when there is no authenticated caller: every endpoint but health requires one */
    public static Actor of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated caller");
        }
        List<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        return new Actor(authentication.getName(),
                stripped(authorities, TeamAndRoleAuthorities.TEAM_PREFIX),
                stripped(authorities, TeamAndRoleAuthorities.ROLE_PREFIX),
                issuerOf(authentication));
    }

    private static String issuerOf(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return token.getToken().getClaimAsString(JwtClaimNames.ISS);
        }
        return Actor.LOCAL_ISSUER;
    }

    private static List<String> stripped(List<String> authorities, String prefix) {
        return authorities.stream()
                .filter(authority -> authority != null && authority.startsWith(prefix))
                .map(authority -> authority.substring(prefix.length()))
                .filter(name -> !name.isEmpty())
                .distinct()
                .sorted()
                .toList();
    }
}
