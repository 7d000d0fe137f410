package com.acme.governance.query.graphql;

import com.acme.governance.api.problem.ProblemTypes;
import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.GraphQLSchema;

import java.util.List;

/**
 * Refuses a query whose complexity is past the limit, before any field is read. Each field costs 1, and what is under
 * a field with {@code first} costs {@code first} times as much (the connections' default when not given). Counted
 * over the normalized operation, where every fragment spread is expanded: graphql-java's own
 * {@code MaxQueryComplexityInstrumentation} walks a fragment once however often it is spread, so four aliases of one
 * fragment cost what one does there (seen with graphql-java 24.3).
 */
public class QueryComplexity extends SimplePerformantInstrumentation {

    private final int maxComplexity;

    public QueryComplexity(int maxComplexity) {
        this.maxComplexity = maxComplexity;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        GraphQLSchema schema = execution.getGraphQLSchema();
        long complexity = sum(execution.getNormalizedQueryTree().get().getTopLevelFields(), schema);
        if (complexity > maxComplexity) {
            throw new AbortExecutionException(List.of(GraphQlErrors.requestError(GovernanceErrorType.BAD_REQUEST,
                    ProblemTypes.INVALID_INPUT, "The query's complexity is " + complexity + "; at most "
                            + maxComplexity + " is allowed (each field costs 1, what is under a list of `first` items "
                            + "costs `first` times as much): ask for fewer items or fields.")));
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private long sum(List<ExecutableNormalizedField> fields, GraphQLSchema schema) {
        long total = 0;
        for (ExecutableNormalizedField field : fields) {
            total = Math.min(Long.MAX_VALUE / 2, total + complexity(field, schema));
        }
        return total;
    }

    private long complexity(ExecutableNormalizedField field, GraphQLSchema schema) {
        return 1 + sum(field.getChildren(), schema) * multiplier(field, schema);
    }

    private static long multiplier(ExecutableNormalizedField field, GraphQLSchema schema) {
        if (field.getResolvedArguments().get("first") instanceof Integer first) {
            return Math.max(first, 1);
        }
        boolean paged = field.getFieldDefinitions(schema).stream()
                .anyMatch(definition -> definition.getArgument("first") != null);
        return paged ? Connections.DEFAULT_FIRST : 1;
    }
}
