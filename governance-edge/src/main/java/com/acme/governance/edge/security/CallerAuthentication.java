package com.acme.governance.edge.security;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way callers are authenticated: the security chain's HTTP Basic and bearer JWT both go through
 * {@link #manager()}, and a transport that carries credentials elsewhere than in the request's headers (graphql-ws
 * sends them in its {@code connection_init} message) hands their {@code Authorization} value to
 * {@link #authenticate(String)}, so that nobody is let in there who would be refused over HTTP, nor with other teams
 * or roles.
 */
public final class CallerAuthentication {

    /** RFC 6750's token characters, as Spring Security's own bearer token resolver accepts them. */
    private static final Pattern BEARER = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);
    private static final String BASIC = "basic ";

    private final AuthenticationManager manager;
    private final boolean basic;
    private final boolean bearer;

    private CallerAuthentication(AuthenticationManager manager, boolean basic, boolean bearer) {
        this.manager = manager;
        this.basic = basic;
        this.bearer = bearer;
    }

    /**
     * HTTP Basic against the users when there are any (the local profile), bearer JWTs of the decoder when there is
     * one (production), each optional but not both.
     *
     * @param encoder the application's, else Spring Security's delegating encoder (the {@code {noop}} of the local
     *                users)
     * @throws IllegalStateException with neither: a service that would answer 401 to everyone is misconfigured
     */
    public static CallerAuthentication of(UserDetailsService users, PasswordEncoder encoder, JwtDecoder jwtDecoder,
                                          JwtAuthenticationConverter jwtConverter,
                                          AuthenticationEventPublisher events) {
        if (users == null && jwtDecoder == null) {
            throw new IllegalStateException("No way to authenticate callers: configure the identity provider "
                    + "(spring.security.oauth2.resourceserver.jwt.issuer-uri or jwk-set-uri), or run the local "
                    + "profile, whose users are for the local stack only");
        }
        List<AuthenticationProvider> providers = new ArrayList<>();
        if (users != null) {
            DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(encoder != null ? encoder
                    : PasswordEncoderFactories.createDelegatingPasswordEncoder());
            passwords.setUserDetailsService(users);
            providers.add(passwords);
        }
        if (jwtDecoder != null) {
            JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(jwtDecoder);
            tokens.setJwtAuthenticationConverter(jwtConverter);
            providers.add(tokens);
        }
        ProviderManager manager = new ProviderManager(providers);
        if (events != null) {
            manager.setAuthenticationEventPublisher(events);
        }
        return new CallerAuthentication(manager, users != null, jwtDecoder != null);
    }

    /** What the security chain authenticates with: user names and passwords, and bearer tokens. */
    public AuthenticationManager manager() {
        return manager;
    }

    /** Whether HTTP Basic is accepted (there are users). */
    public boolean basic() {
        return basic;
    }

    /** Whether bearer JWTs are accepted (there is an identity provider). */
    public boolean bearer() {
        return bearer;
    }

    /**
     * The caller whose credentials an {@code Authorization} header would carry: {@code Basic <base64 of
     * user:password>}, or {@code Bearer <JWT>} with an identity provider.
     *
     * @throws AuthenticationException when they are malformed, of a scheme not enabled, or wrong
     */
    public Authentication authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new BadCredentialsException("No credentials");
        }
        String value = authorization.strip();
        if (basic && value.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return manager.authenticate(usernameAndPassword(value.substring(BASIC.length()).strip()));
        }
        Matcher token = BEARER.matcher(value);
        if (bearer && token.matches()) {
            return manager.authenticate(new BearerTokenAuthenticationToken(token.group("token")));
        }
        throw new BadCredentialsException("Credentials of a scheme this service does not accept, or malformed");
    }

    private static UsernamePasswordAuthenticationToken usernameAndPassword(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("Basic credentials that are not Base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new BadCredentialsException("Basic credentials without a password");
        }
        return UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon),
                decoded.substring(colon + 1));
    }
}
