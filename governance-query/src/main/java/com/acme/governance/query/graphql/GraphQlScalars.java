package com.acme.governance.query.graphql;

import com.acme.governance.query.web.QueryParameters;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/**
 * The schema's scalars: {@code DateTime}, an instant as ISO-8601 in UTC (as every REST answer writes it), and
 * {@code JSON}, any JSON value (event payloads, contract schemas), from graphql-java's extended scalars.
 */
@Configuration(value = "queryGraphQlScalarsConfiguration", proxyBeanMethods = false)
public class GraphQlScalars {

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant, ISO-8601 in UTC with milliseconds, e.g. 2026-03-01T12:00:00.000Z")
            .coercing(new InstantCoercing())
            .build();

    @Bean
    RuntimeWiringConfigurer queryGraphQlScalars() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(ExtendedScalars.Json);
    }

    private static final class InstantCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Instant instant) {
                return instant.toString();
            }
            throw new CoercingSerializeException("not an instant");
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("a DateTime is an ISO-8601 string, e.g. 2026-03-01T12:00:00Z");
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                    Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("a DateTime is an ISO-8601 string, e.g. 2026-03-01T12:00:00Z");
        }

        private static <E extends RuntimeException> Instant parse(String text, Function<String, E> failure) {
            try {
                return QueryParameters.parseInstantOrThrow(text);
            } catch (IllegalArgumentException e) {
                throw failure.apply("'" + text + "' is not a DateTime: " + e.getMessage());
            }
        }
    }
}
