package com.acme.governance.command.web;

import com.acme.governance.edge.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A request body's strings made into the contract's value types, for a command. A body keeps its fields as strings so
 * that the strict reader names a wrong JSON type precisely; a value its type refuses is invalid input naming the
 * field, with the type's own message. A missing value stays missing, for the command's {@code @NotNull} to report.
 */
public final class BodyValues {

    private BodyValues() {
    }

    public static <T> T typed(String field, String value, Function<String, T> type) {
        if (value == null) {
            return null;
        }
        try {
            return type.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    /** Each element named by its index, as {@code tags[1]}. */
    public static <T> List<T> typed(String field, List<String> values, Function<String, T> type) {
        if (values == null) {
            return null;
        }
        List<T> typed = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            typed.add(typed(field + "[" + i + "]", values.get(i), type));
        }
        return typed;
    }
}
