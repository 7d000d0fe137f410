package com.acme.governance.query.parking;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The operator endpoint's own problems; everything else is answered by the query side's general advice. */
@RestControllerAdvice(assignableTypes = ParkedEventsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryParkedEventsProblems {

    @ExceptionHandler(ParkedEventNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(ParkedEventNotFoundException e) {
        return Problems.response(Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler(ParkedEventNotDiscardableException.class)
    public ResponseEntity<ProblemDetail> notDiscardable(ParkedEventNotDiscardableException e) {
        return Problems.response(Problems.of(HttpStatus.CONFLICT, ProblemTypes.ILLEGAL_STATE, e.getMessage()));
    }
}
