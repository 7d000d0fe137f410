package com.acme.governance.query.graphql;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.security.CallerAuthentication;
import com.acme.governance.query.mutation.CommandSide;
import graphql.ExecutionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

/**
 * Authentication of graphql-ws connections (adr/0036). A browser cannot set headers on a WebSocket, so graphql-ws
 * clients send their {@code Authorization} in the {@code connection_init} payload; the security chain lets the
 * upgrade through without credentials for that reason only. Here, at {@code connection_init}, the connection gets its
 * {@link WebSocketCaller} (or is closed: Spring for GraphQL closes it with 4401 when this fails), kept in the
 * session's attributes; each operation then runs with that caller's {@code SecurityContext}, written into the Reactor
 * context under the key of Spring Security's thread-local accessor, from where Spring for GraphQL sets it around every
 * data fetcher, as it does for the upgrade request's own context. An operation of a connection without a caller is
 * answered {@code UNAUTHORIZED} without running.
 */
// Without a servlet web application (a query node that only ingests) there is neither a socket nor a security chain.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component("queryGraphQlWebSocketAuthentication")
public class GraphQlWebSocketAuthentication implements WebSocketGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(GraphQlWebSocketAuthentication.class);
    private static final String CALLER = WebSocketCaller.class.getName();
    /** The key of the thread-local accessors of Spring Security and of Spring for GraphQL for the SecurityContext. */
    private static final String SECURITY_CONTEXT = SecurityContext.class.getName();

    private final CallerAuthentication callers;

    public GraphQlWebSocketAuthentication(CallerAuthentication callers) {
        this.callers = callers;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        return session.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(handshake -> identify(session, handshake.orElse(null), payload));
    }

    private Object identify(WebSocketSessionInfo session, Principal handshake, Map<String, Object> payload) {
        try {
            WebSocketCaller caller = WebSocketCaller.identify(handshake, session.getHeaders(), payload, callers);
            session.getAttributes().put(CALLER, caller);
            return Map.of();
        } catch (RuntimeException refused) {
            log.debug("graphql-ws connection {} refused at connection_init: {}", session.getId(), refused.toString());
            throw refused;
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest webSocket)) {
            return chain.next(request);
        }
        if (!(webSocket.getSessionInfo().getAttributes().get(CALLER) instanceof WebSocketCaller caller)) {
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                    ExecutionResult.newExecutionResult().addError(GraphQlErrors.requestError(
                            GovernanceErrorType.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
                            "Authentication is required.")).build())));
        }
        if (caller.authorization() != null) {
            // mutations forward the caller's own credentials to the command side (adr/0030)
            request.configureExecutionInput((input, builder) -> builder
                    .graphQLContext(Map.of(CommandSide.AUTHORIZATION, caller.authorization())).build());
        }
        return chain.next(request).contextWrite(Context.of(SECURITY_CONTEXT, caller.securityContext()));
    }
}
