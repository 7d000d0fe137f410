package com.acme.governance.edge.web;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.problem.FieldProblem;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * A path variable or parameter that its type refuses, such as a malformed id, answered 400 invalid-input naming it:
 * the contract's identifiers say what is wrong with the value, any other type only that it is the wrong one. Ahead
 * of each service's own advice, which would otherwise answer it through Spring's generic handler.
 */
@RestControllerAdvice(name = "edgeTypeMismatchProblems")
@Order(Ordered.HIGHEST_PRECEDENCE)
class TypeMismatchProblems {

    /** Whose types (the identifiers) say in their exception what is wrong with a value. */
    private static final String CONTRACT_PACKAGE = "com.acme.governance.api.";

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(TypeMismatchException e) {
        String field = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String message = type != null && type.getName().startsWith(CONTRACT_PACKAGE)
                ? e.getMostSpecificCause().getMessage() : "has the wrong type";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setType(ProblemTypes.INVALID_INPUT);
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
