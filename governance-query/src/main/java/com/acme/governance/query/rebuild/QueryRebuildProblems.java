package com.acme.governance.query.rebuild;

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

/** The rebuild endpoint's own problems; everything else is answered by the query side's general advice. */
@RestControllerAdvice(assignableTypes = ProjectionsAdminController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryRebuildProblems {

    @ExceptionHandler(RebuildInProgressException.class)
    public ResponseEntity<ProblemDetail> inProgress(RebuildInProgressException e) {
        return Problems.response(Problems.of(HttpStatus.CONFLICT, ProblemTypes.REBUILD_IN_PROGRESS, e.getMessage()));
    }

    @ExceptionHandler(RebuildUnavailableException.class)
    public ResponseEntity<ProblemDetail> unavailable(RebuildUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, e.getMessage()));
    }
}
