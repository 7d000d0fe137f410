package com.acme.governance.command.web;

import com.acme.governance.edge.problem.FieldProblem;
import com.acme.governance.edge.problem.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A request body's strings made into the contract's value types, for one command. A body keeps its fields as strings
 * so that the strict reader names a wrong JSON type precisely; a value its type refuses is invalid input naming the
 * field, with the type's own message. Every refused value is reported at once, together with whatever else the
 * command's own constraints refuse, so that a client fixes its body in one round. A missing value stays missing, for
 * the command's {@code @NotNull} to report.
 */
public final class BodyValues {

    private static final Validator COMMANDS = Validation.buildDefaultValidatorFactory().getValidator();

    private final List<FieldProblem> problems = new ArrayList<>();

    public <T> T typed(String field, String value, Function<String, T> type) {
        if (value == null) {
            return null;
        }
        try {
            return type.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }

    /** Each element named by its index, as {@code tags[1]}. */
    public <T> List<T> typed(String field, List<String> values, Function<String, T> type) {
        if (values == null) {
            return null;
        }
        List<T> typed = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            typed.add(typed(field + "[" + i + "]", values.get(i), type));
        }
        return typed;
    }

    /**
     * The command built from the typed values, or, if any was refused, an {@link InvalidInputException} naming every
     * refused value and every other constraint the command breaks (not again the fields already named).
     */
    public <C> C command(Supplier<C> build) {
        C command = build.get();
        if (problems.isEmpty()) {
            return command;
        }
        List<FieldProblem> all = new ArrayList<>(problems);
        for (ConstraintViolation<C> violation : COMMANDS.validate(command)) {
            String field = violation.getPropertyPath().toString();
            if (problems.stream().noneMatch(named -> root(named.field()).equals(root(field)))) {
                all.add(new FieldProblem(field, violation.getMessage()));
            }
        }
        all.sort(Comparator.comparing(FieldProblem::field));
        throw new InvalidInputException(all);
    }

    /** {@code tags} of {@code tags[1]}, {@code scope} of {@code scope.domain}. */
    private static String root(String field) {
        return field.split("[\\[.]", 2)[0];
    }
}
