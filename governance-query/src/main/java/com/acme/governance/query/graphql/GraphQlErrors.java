package com.acme.governance.query.graphql;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.consistency.ReadModelBehindException;
import com.acme.governance.query.mutation.CommandRefusedException;
import com.acme.governance.query.mutation.CommandSideUnavailableException;
import com.acme.governance.query.web.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a data fetcher throws, as a GraphQL error with a stable classification ({@link GovernanceErrorType}), the
 * REST problem type in {@code extensions.type} and, for invalid input, the offending fields in
 * {@code extensions.fields}: the same faults a REST client gets as problems, never a stack trace or a class name.
 * What is not known here (a bug) is {@code INTERNAL_ERROR} with a generic message and is logged.
 */
@Component("queryGraphQlErrors")
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment environment) {
        return classify(failure, () -> GraphqlErrorBuilder.newError(environment),
                environment.getExecutionStepInfo().getPath().toString());
    }

    /**
     * @param environment a new error of the field or operation that failed
     * @param where       what failed, for the log
     */
    static GraphQLError classify(Throwable failure, Supplier<GraphqlErrorBuilder<?>> environment, String where) {
        if (failure instanceof InvalidInputException invalid) {
            return error(environment, GovernanceErrorType.BAD_REQUEST, ProblemTypes.INVALID_INPUT,
                    "The request has invalid input.", Map.of("fields", invalid.problems().stream()
                            .map(problem -> Map.of("field", problem.field(), "message", problem.message()))
                            .toList()));
        }
        if (failure instanceof ResourceNotFoundException notFound) {
            return error(environment, GovernanceErrorType.NOT_FOUND, ProblemTypes.NOT_FOUND, notFound.getMessage(),
                    Map.of());
        }
        if (failure instanceof AccessDeniedException denied) {
            return error(environment, GovernanceErrorType.FORBIDDEN, ProblemTypes.FORBIDDEN, denied.getMessage(),
                    Map.of());
        }
        if (failure instanceof AuthenticationException) {
            return error(environment, GovernanceErrorType.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
                    "Authentication is required.", Map.of());
        }
        if (failure instanceof ReadModelBehindException || failure instanceof MongoTimeoutException
                || failure instanceof MongoSocketException) {
            return error(environment, GovernanceErrorType.UNAVAILABLE, ProblemTypes.STORE_UNAVAILABLE,
                    "The read models are not available or not up to date yet; retry shortly.", Map.of());
        }
        if (failure instanceof CommandRefusedException refused) {
            return refusal(environment, refused, where);
        }
        if (failure instanceof CommandSideUnavailableException unavailable) {
            log.warn("GraphQL mutation {}: {}", where, unavailable.toString());
            return error(environment, GovernanceErrorType.UNAVAILABLE, ProblemTypes.STORE_UNAVAILABLE,
                    unavailable.getMessage(), Map.of());
        }
        log.error("GraphQL {} failed", where, failure);
        return error(environment, GovernanceErrorType.INTERNAL_ERROR, ProblemTypes.INTERNAL,
                "An internal error occurred; it has been logged.", Map.of());
    }

    /** The command side's problem, as the same fault in GraphQL: its type, detail and offending fields kept. */
    private static GraphQLError refusal(Supplier<GraphqlErrorBuilder<?>> environment, CommandRefusedException refused,
                                        String where) {
        GovernanceErrorType classification = switch (refused.status()) {
            case 400, 413, 415 -> GovernanceErrorType.BAD_REQUEST;
            case 401 -> GovernanceErrorType.UNAUTHORIZED;
            case 403 -> GovernanceErrorType.FORBIDDEN;
            case 404 -> GovernanceErrorType.NOT_FOUND;
            case 409 -> GovernanceErrorType.CONFLICT;
            case 412, 428 -> GovernanceErrorType.PRECONDITION_FAILED;
            case 503 -> GovernanceErrorType.UNAVAILABLE;
            default -> GovernanceErrorType.INTERNAL_ERROR;
        };
        JsonNode problem = refused.problem();
        Map<String, Object> extensions = new LinkedHashMap<>();
        List<Map<String, String>> fields = new ArrayList<>();
        problem.path("errors").forEach(field -> fields.add(Map.of("field", field.path("field").asText(),
                "message", field.path("message").asText())));
        if (!fields.isEmpty()) {
            extensions.put("fields", fields);
        }
        URI type = problem.hasNonNull("type") ? URI.create(problem.get("type").asText())
                : ProblemTypes.forStatus(refused.status());
        if (classification == GovernanceErrorType.INTERNAL_ERROR) {
            log.error("The command side answered {} to GraphQL mutation {}: {}", refused.status(), where, problem);
            return error(environment, classification, ProblemTypes.INTERNAL,
                    "An internal error occurred; it has been logged.", Map.of());
        }
        return error(environment, classification, type, refused.getMessage(), extensions);
    }

    static GraphQLError error(Supplier<GraphqlErrorBuilder<?>> environment, GovernanceErrorType classification,
                              URI type, String message, Map<String, Object> extensions) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("type", type.toString());
        all.putAll(extensions);
        return environment.get().errorType(classification).message(message).extensions(all).build();
    }

    /** An error of no field: the request as a whole was refused (its depth or complexity, say). */
    static GraphQLError requestError(GovernanceErrorType classification, URI type, String message) {
        return GraphqlErrorBuilder.newError().errorType(classification).message(message)
                .extensions(Map.of("type", type.toString())).build();
    }
}
