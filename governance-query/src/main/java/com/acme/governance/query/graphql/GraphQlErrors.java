package com.acme.governance.query.graphql;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.consistency.ReadModelBehindException;
import com.acme.governance.query.web.ResourceNotFoundException;
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
import java.util.LinkedHashMap;
import java.util.Map;

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
        log.error("GraphQL field {} failed", environment.getExecutionStepInfo().getPath(), failure);
        return error(environment, GovernanceErrorType.INTERNAL_ERROR, ProblemTypes.INTERNAL,
                "An internal error occurred; it has been logged.", Map.of());
    }

    static GraphQLError error(DataFetchingEnvironment environment, GovernanceErrorType classification, URI type,
                              String message, Map<String, Object> extensions) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("type", type.toString());
        all.putAll(extensions);
        return GraphqlErrorBuilder.newError(environment).errorType(classification).message(message)
                .extensions(all).build();
    }

    /** An error of no field: the request as a whole was refused (its depth or complexity, say). */
    static GraphQLError requestError(GovernanceErrorType classification, URI type, String message) {
        return GraphqlErrorBuilder.newError().errorType(classification).message(message)
                .extensions(Map.of("type", type.toString())).build();
    }
}
