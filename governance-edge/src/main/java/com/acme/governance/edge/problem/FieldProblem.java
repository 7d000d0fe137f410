package com.acme.governance.edge.problem;

/**
 * One offending input of a 400 answer (an element of the problem's {@code errors}): a body field, query parameter,
 * path variable or header, and what is wrong with it. Both services answer with this one shape.
 */
public record FieldProblem(String field, String message) {
}
