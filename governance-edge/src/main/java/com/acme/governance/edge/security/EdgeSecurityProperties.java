package com.acme.governance.edge.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How both services authenticate callers, besides Spring Boot's own
 * {@code spring.security.oauth2.resourceserver.jwt.*} ({@code issuer-uri} or {@code jwk-set-uri}, {@code audiences}).
 *
 * @param teamsClaim the JWT claim holding the caller's teams (a string array)
 * @param rolesClaim the JWT claim holding the caller's roles ({@code STEWARD}, {@code AUDITOR}, {@code OPERATOR})
 * @param cors       which browser origins may call the API; none by default (no CORS headers at all)
 */
@ConfigurationProperties("governance.security")
public record EdgeSecurityProperties(@DefaultValue("teams") String teamsClaim,
                                     @DefaultValue("roles") String rolesClaim,
                                     @DefaultValue Cors cors) {

    /**
     * @param allowedOrigins exact origins, e.g. {@code https://portal.example.com}; {@code *} is refused, since the
     *                       API is called with credentials
     * @param maxAge         how long a browser may keep a preflight's answer
     */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {

        public Cors {
            allowedOrigins = List.copyOf(allowedOrigins);
            if (allowedOrigins.contains("*")) {
                throw new IllegalArgumentException("governance.security.cors.allowed-origins must name origins, "
                        + "not *: the API is called with credentials");
            }
        }
    }
}
