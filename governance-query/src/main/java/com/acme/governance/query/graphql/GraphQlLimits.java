package com.acme.governance.query.graphql;

import com.acme.governance.api.problem.ProblemTypes;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The depth and complexity limits of {@link GraphQlProperties}, checked before anything is read; a query past one is
 * refused as a whole with {@code BAD_REQUEST}, saying which limit and by how much (complexity: {@link QueryComplexity}). Spring for GraphQL installs every
 * {@code Instrumentation} bean.
 */
@Configuration(value = "queryGraphQlLimitsConfiguration", proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlProperties.class)
public class GraphQlLimits {

    @Bean
    MaxQueryDepthInstrumentation queryGraphQlMaxDepth(GraphQlProperties properties) {
        return new MaxQueryDepthInstrumentation(properties.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refused("The query is nested " + depth + " fields deep; at most " + maxDepth + " are allowed.");
            }
        };
    }

    @Bean
    QueryComplexity queryGraphQlMaxComplexity(GraphQlProperties properties) {
        return new QueryComplexity(properties.maxComplexity());
    }

    private static AbortExecutionException refused(String message) {
        return new AbortExecutionException(List.of(GraphQlErrors.requestError(GovernanceErrorType.BAD_REQUEST,
                ProblemTypes.INVALID_INPUT, message)));
    }
}
