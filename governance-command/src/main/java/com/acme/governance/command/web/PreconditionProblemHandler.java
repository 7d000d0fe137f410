package com.acme.governance.command.web;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.command.common.VersionMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * The answers of failed preconditions (ADR 0010), each naming the current ETag in {@code currentETag}, ready to be
 * sent as {@code If-Match} once the client has looked at what changed. Ahead of {@link CommandProblemHandler}, whose
 * catch-all must not see these.
 */
@RestControllerAdvice(basePackages = "com.acme.governance.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PreconditionProblemHandler {

    static final String CURRENT_ETAG = "currentETag";

    @ExceptionHandler(VersionMismatchException.class)
    ProblemDetail versionMismatch(VersionMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, ProblemTypes.VERSION_MISMATCH, e.getMessage(),
                e.actual());
        problem.setProperty("expectedVersion", e.expected());
        return problem;
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ProblemDetail preconditionFailed(PreconditionFailedException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, ProblemTypes.VERSION_MISMATCH, e.getMessage(),
                e.currentVersion());
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ProblemDetail preconditionRequired(PreconditionRequiredException e) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.PRECONDITION_REQUIRED, e.getMessage(),
                e.currentVersion());
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String detail, long currentVersion) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("currentVersion", currentVersion);
        problem.setProperty(CURRENT_ETAG, IfMatch.etag(currentVersion));
        return problem;
    }
}
