package com.acme.governance.edge.web;

import com.acme.governance.api.problem.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller (unknown path, wrong method or media type) still answer an RFC 9457 problem:
 * each service's own advice only covers its controllers. Last in line, so that it never shadows that advice.
 */
@RestControllerAdvice(name = "edgeUnmatchedRequestProblems")
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmatchedRequestProblems {

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> unmatched(Exception exception) {
        ErrorResponse error = (ErrorResponse) exception;
        ProblemDetail problem = error.getBody();
        problem.setType(ProblemTypes.forStatus(error.getStatusCode().value()));
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
