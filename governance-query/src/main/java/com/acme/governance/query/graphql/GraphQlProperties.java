package com.acme.governance.query.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what one GraphQL request may ask, so that no caller can make the service read without bound.
 *
 * @param maxDepth      the deepest nesting of fields a query may have
 * @param maxComplexity each field costs 1, and what is under a field with {@code first} costs {@code first} times
 *                      as much (its default when not given): about the number of values the answer could hold
 */
@ConfigurationProperties("governance.query.graphql")
public record GraphQlProperties(@DefaultValue("10") int maxDepth, @DefaultValue("5000") int maxComplexity) {
}
