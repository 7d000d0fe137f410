package com.acme.governance.edge.problem;

import java.util.List;

/**
 * Input whose shape is right but whose value is not (a schema that is not an object, a bad id, a parameter out of
 * range...): answered 400 naming every offending field. Plain Java, so that business rules may raise it too.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    /** One offending field; its message is also the exception's (and the problem's detail on the command side). */
    public InvalidInputException(String field, String message) {
        super(message);
        this.problems = List.of(new FieldProblem(field, message));
    }

    public InvalidInputException(List<FieldProblem> problems) {
        super("Invalid input: " + String.join("; ", problems.stream()
                .map(problem -> problem.field() + ": " + problem.message()).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The first offending field. */
    public String field() {
        return problems.get(0).field();
    }
}
