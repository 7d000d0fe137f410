package com.acme.governance.edge.web;

import com.acme.governance.api.problem.ProblemTypes;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The database unreachable, failing over, or too slow to confirm a write: 503 with {@code Retry-After}, not 500. It
 * comes first, because the exception usually arrives wrapped (Axon's event store, a repository) and the catch-all of
 * the service's own problem handler would otherwise take it. Spring matches these types on the causes too.
 *
 * <p>A command (any method but GET and HEAD) is told that its retry is safe with the same {@code Idempotency-Key};
 * a read is only told to retry.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(name = "edgeStoreUnavailableProblems", basePackages = "com.acme.governance")
class StoreUnavailableProblems {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableProblems.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class, MongoNotPrimaryException.class,
            MongoNodeIsRecoveringException.class, MongoExecutionTimeoutException.class, MongoWriteConcernException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e, HttpServletRequest request) {
        log.warn("MongoDB unavailable: {}", e.toString());
        boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, read
                ? "The database is unavailable; retry later"
                : "The database is unavailable, or did not confirm the write in time; retry later with the same "
                        + "Idempotency-Key: if the decision was recorded after all, the retry is refused (a duplicate, "
                        + "a version that moved on), not recorded twice");
        problem.setType(ProblemTypes.STORE_UNAVAILABLE);
        problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }
}
