package com.acme.governance.edge.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.List;

/**
 * WebSocket endpoints whose protocol authenticates the caller itself, after the upgrade, through
 * {@link CallerAuthentication} (graphql-ws: in its {@code connection_init} message, since a browser cannot set
 * headers on a WebSocket). The security chain lets their upgrade requests through without credentials, and only
 * those: a GET to one of these exact paths asking to upgrade to {@code websocket}, which is all that Spring's
 * WebSocket handler mapping routes to the WebSocket handler. Credentials sent with the upgrade are still checked
 * (wrong ones are a 401), and every other request to the same path still needs them.
 *
 * @param paths the exact request paths, e.g. {@code /graphql}
 */
public record WebSocketsAuthenticatedInProtocol(List<String> paths) {

    public WebSocketsAuthenticatedInProtocol {
        paths = List.copyOf(paths);
    }

    RequestMatcher upgrades() {
        return request -> HttpMethod.GET.matches(request.getMethod())
                && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))
                && paths.contains(pathWithinApplication(request));
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length())
                : uri;
    }
}
