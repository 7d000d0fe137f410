package com.acme.governance.query.graphql;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.edge.web.CorrelationIdFilter;
import com.acme.governance.query.consistency.ReadModelConsistency;
import com.acme.governance.query.mutation.CommandSide;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every GraphQL request over HTTP: read-your-writes as on REST (a request carrying {@code X-Governance-Token} is
 * executed only once the read models applied that event, else it is answered {@code UNAVAILABLE} without data), and
 * the errors that graphql-java raises itself (a query that does not parse or validate, a variable of the wrong type)
 * classified {@code BAD_REQUEST} like the service's own, so that every error has a {@link GovernanceErrorType}; and
 * the caller's {@code Authorization}, kept for the mutations to forward.
 */
@Component("queryGraphQlRequests")
public class GraphQlRequests implements WebGraphQlInterceptor {

    /** graphql-java's own classifications of a request that is wrong as written. */
    private static final Set<String> REQUEST_FAULTS = Set.of("InvalidSyntax", "ValidationError",
            "OperationNotSupported", "ExecutionAborted");

    private final ReadModelConsistency consistency;

    public GraphQlRequests(ReadModelConsistency consistency) {
        this.consistency = consistency;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Map<String, Object> forwarded = new HashMap<>();
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            // mutations forward the caller's own credentials to the command side (adr/0030)
            forwarded.put(CommandSide.AUTHORIZATION, authorization);
        }
        // and the request's correlation id, taken here, on the request's own thread, where the filter set it
        CorrelationIdFilter.current().ifPresent(id -> forwarded.put(CommandSide.CORRELATION_ID, id));
        if (!forwarded.isEmpty()) {
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(forwarded).build());
        }
        String header = request.getHeaders().getFirst(GovernanceToken.HEADER);
        if (header != null) {
            GraphQLError refused = tokenNotReached(header);
            if (refused != null) {
                // answered without executing it: a mutation must not run, a query's data would be stale
                return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                        request.toExecutionInput(), ExecutionResult.newExecutionResult().addError(refused).build())));
            }
        }
        return chain.next(request).map(response -> response.getErrors().stream().anyMatch(GraphQlRequests::unclassified)
                ? response.transform(builder -> builder.errors(response.getErrors().stream()
                .map(GraphQlRequests::classified).toList()))
                : response);
    }

    /** Null when the read models reached the token; else the error that answers the request. */
    private GraphQLError tokenNotReached(String header) {
        GovernanceToken token;
        try {
            token = GovernanceToken.parse(header);
        } catch (IllegalArgumentException e) {
            return GraphQlErrors.classify(new InvalidInputException(GovernanceToken.HEADER, e.getMessage()),
                    GraphqlErrorBuilder::newError, GovernanceToken.HEADER);
        }
        try {
            if (consistency.awaitReached(token)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return GraphQlErrors.requestError(GovernanceErrorType.UNAVAILABLE, ProblemTypes.READ_MODEL_BEHIND,
                "The read models have not applied " + token + " yet; retry shortly.");
    }

    private static boolean unclassified(ResponseError error) {
        ErrorClassification classification = error.getErrorType();
        return !(classification instanceof GovernanceErrorType);
    }

    private static GraphQLError classified(ResponseError error) {
        if (!unclassified(error)) {
            return asGraphQlError(error, error.getErrorType(), error.getExtensions());
        }
        String name = error.getErrorType() == null ? "" : error.getErrorType().toString();
        GovernanceErrorType type = REQUEST_FAULTS.contains(name) ? GovernanceErrorType.BAD_REQUEST
                : GovernanceErrorType.INTERNAL_ERROR;
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.remove("classification");
        extensions.put("type", (type == GovernanceErrorType.BAD_REQUEST ? ProblemTypes.INVALID_INPUT
                : ProblemTypes.INTERNAL).toString());
        return asGraphQlError(error, type, extensions);
    }

    private static GraphQLError asGraphQlError(ResponseError error, ErrorClassification type,
                                               Map<String, Object> extensions) {
        Map<String, Object> withoutClassification = new LinkedHashMap<>(extensions);
        withoutClassification.remove("classification");
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().errorType(type).message(error.getMessage())
                .locations(error.getLocations()).extensions(withoutClassification);
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }
}
