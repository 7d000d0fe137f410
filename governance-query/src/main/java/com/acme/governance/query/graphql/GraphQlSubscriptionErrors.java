package com.acme.governance.query.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * What a subscription fails with (when it starts, or later in its stream), classified as {@link GraphQlErrors}
 * classifies what a query or mutation fails with: graphql-ws then ends the subscription with that error.
 */
@Component("queryGraphQlSubscriptionErrors")
public class GraphQlSubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure) {
        return GraphQlErrors.classify(failure, GraphqlErrorBuilder::newError, "subscription");
    }
}
