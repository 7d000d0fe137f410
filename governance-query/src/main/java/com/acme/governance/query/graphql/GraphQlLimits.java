package com.acme.governance.query.graphql;

import com.acme.governance.api.problem.ProblemTypes;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The depth and complexity limits of {@link GraphQlProperties}, checked before anything is read; a query past one is
 * refused as a whole with {@code BAD_REQUEST}, saying which limit and by how much. Spring for GraphQL installs every
 * {@code Instrumentation} bean.
 */
@Configuration(value = "queryGraphQlLimitsConfiguration", proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlProperties.class)
public class GraphQlLimits {

    /** What a list field with {@code first} costs when the query does not say: the connections' default size. */
    static final int DEFAULT_FIRST = Connections.DEFAULT_FIRST;

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
    MaxQueryComplexityInstrumentation queryGraphQlMaxComplexity(GraphQlProperties properties) {
        return new MaxQueryComplexityInstrumentation(properties.maxComplexity(), byFirst()) {
            @Override
            protected AbortExecutionException mkAbortException(int totalComplexity, int maxComplexity) {
                return refused("The query's complexity is " + totalComplexity + "; at most " + maxComplexity
                        + " is allowed (each field costs 1, what is under a list of `first` items costs `first` "
                        + "times as much): ask for fewer items or fields.");
            }
        };
    }

    static FieldComplexityCalculator byFirst() {
        return (environment, childComplexity) -> {
            Object first = environment.getArguments().get("first");
            int multiplier = first instanceof Integer asked ? Math.max(asked, 1)
                    : environment.getFieldDefinition().getArgument("first") != null ? DEFAULT_FIRST : 1;
            return 1 + childComplexity * multiplier;
        };
    }

    private static AbortExecutionException refused(String message) {
        return new AbortExecutionException(List.of(GraphQlErrors.requestError(GovernanceErrorType.BAD_REQUEST,
                ProblemTypes.INVALID_INPUT, message)));
    }
}
