package com.acme.governance.edge.web;

import com.acme.governance.api.problem.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The firewall checks header values only when they are read, which may be inside a controller: ahead of every other
 * advice (whose catch-all would answer 500), that refusal is the same 400 problem as the firewall's own.
 */
@RestControllerAdvice(name = "edgeRequestRejectedProblems")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestRejectedProblems {

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request was refused for its form (path, method or a header)");
        problem.setType(ProblemTypes.MALFORMED_REQUEST);
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
