package com.acme.governance.query.graphql;

import com.acme.governance.edge.security.CallerAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

import java.security.Principal;
import java.util.Map;
import java.util.Objects;

/**
 * Who a graphql-ws connection acts for, decided once, at its {@code connection_init}: the caller its upgrade request
 * authenticated (by headers, as any request), or the caller whose {@code Authorization} the {@code connection_init}
 * payload carries, authenticated as the HTTP chain would authenticate that header. Never nobody: a connection
 * without credentials is refused, and so are credentials in the payload that are not the very ones of the upgrade.
 *
 * @param securityContext what every operation of the connection runs with
 * @param authorization   the credentials, for the mutations to forward to the command side (adr/0030)
 */
record WebSocketCaller(SecurityContext securityContext, String authorization) {

    /** The payload key of graphql-ws clients (graphql-ws {@code connectionParams}, Apollo, urql, GraphiQL). */
    static final String AUTHORIZATION = HttpHeaders.AUTHORIZATION;

    WebSocketCaller {
        Objects.requireNonNull(securityContext, "securityContext");
    }

    /**
     * @param handshake the principal of the upgrade request, if any
     * @param headers   the upgrade request's headers
     * @param payload   the {@code connection_init} payload
     * @throws org.springframework.security.core.AuthenticationException when the connection may not go on
     */
    static WebSocketCaller identify(Principal handshake, HttpHeaders headers, Map<String, Object> payload,
                                    CallerAuthentication callers) {
        String given = credentials(payload);
        Authentication upgraded = authenticated(handshake);
        if (upgraded != null) {
            String header = headers.getFirst(HttpHeaders.AUTHORIZATION);
            if (given != null && !given.equals(header)) {
                throw new BadCredentialsException("The connection_init payload names other credentials than the "
                        + "upgrade request");
            }
            return new WebSocketCaller(new SecurityContextImpl(upgraded), header);
        }
        if (given == null) {
            throw new BadCredentialsException("No credentials, neither on the upgrade request nor in connection_init");
        }
        return new WebSocketCaller(new SecurityContextImpl(callers.authenticate(given)), given);
    }

    /** {@code Authorization}, in any case ({@code authorization} is common); two different values are refused. */
    private static String credentials(Map<String, Object> payload) {
        String found = null;
        for (Map.Entry<String, Object> entry : payload == null ? Map.<String, Object>of().entrySet()
                : payload.entrySet()) {
            if (!AUTHORIZATION.equalsIgnoreCase(entry.getKey())) {
                continue;
            }
            if (!(entry.getValue() instanceof String value) || found != null && !found.equals(value)) {
                throw new BadCredentialsException("The connection_init payload's Authorization is not one string");
            }
            found = value;
        }
        return found;
    }

    private static Authentication authenticated(Principal principal) {
        return principal instanceof Authentication authentication && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) ? authentication : null;
    }
}
