package com.acme.governance.query.web;

/** One offending input of a 400 answer: a query parameter, path variable or header, and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
