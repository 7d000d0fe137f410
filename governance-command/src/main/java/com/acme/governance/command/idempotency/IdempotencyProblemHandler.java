package com.acme.governance.command.idempotency;

import com.acme.governance.api.problem.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** The refusals of {@link IdempotencyInterceptor}, as problems; ahead of the general handler's catch-all. */
@RestControllerAdvice(basePackages = "com.acme.governance.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdempotencyProblemHandler {

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail reused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_KEY_REUSED, e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyInFlightException.class)
    ResponseEntity<ProblemDetail> inFlight(IdempotencyKeyInFlightException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.CONFLICT, ProblemTypes.IDEMPOTENCY_KEY_IN_FLIGHT, e.getMessage()));
    }

    @ExceptionHandler(IdempotentBodyTooLargeException.class)
    ProblemDetail tooLarge(IdempotentBodyTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
