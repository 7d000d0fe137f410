package com.acme.governance.query.graphql;

import com.acme.governance.edge.problem.InvalidInputException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * A GraphQL input object as the query parameters of the REST read it answers like: each field given becomes the
 * parameter of the same name, so that both are checked by the one parser of that read, with the same rules and the
 * same field names in a refusal.
 */
public final class GraphQlArguments {

    private GraphQlArguments() {
    }

    /** @param input the input object's fields as GraphQL coerced them; null or missing fields are left out */
    public static MultiValueMap<String, String> asParameters(Map<String, Object> input) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        if (input != null) {
            input.forEach((name, value) -> {
                if (value != null) {
                    parameters.add(name, text(value));
                }
            });
        }
        return parameters;
    }

    /** One more parameter, when given. */
    public static MultiValueMap<String, String> with(MultiValueMap<String, String> parameters, String name,
                                                     Object value) {
        if (value != null) {
            parameters.add(name, text(value));
        }
        return parameters;
    }

    /**
     * The {@code id} argument as the identifier type {@code parse} makes of it.
     *
     * @throws InvalidInputException naming {@code id}, with the reason the identifier type gives
     */
    public static <T> T id(String id, Function<String, T> parse) {
        try {
            return parse.apply(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("id", e.getMessage());
        }
    }

    private static String text(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value.toString();
    }
}
