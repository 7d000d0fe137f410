package com.acme.governance.query.web;

import java.util.List;

/** The request's input is malformed or invalid; answered 400 naming every offending field. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("Invalid input: " + problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
