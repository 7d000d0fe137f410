package com.acme.governance.query.consistency;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 503 with {@code Retry-After} for a read whose token the read models did not reach in time. Ahead of the query
 * side's general advice, whose catch-all must not see it; scoped to the query side's handlers, as the interceptor is.
 */
@RestControllerAdvice(name = "queryReadModelBehindProblems", basePackages = "com.acme.governance.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadModelBehindProblems {

    @ExceptionHandler(ReadModelBehindException.class)
    ResponseEntity<ProblemDetail> readModelBehind(ReadModelBehindException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.READ_MODEL_BEHIND,
                e.getMessage() + "; retry shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
