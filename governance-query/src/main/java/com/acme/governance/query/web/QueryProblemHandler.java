package com.acme.governance.query.web;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.problem.FieldProblem;
import com.acme.governance.edge.problem.InvalidInputException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Optional;

/**
 * Every error of the query side's endpoints as RFC 9457 {@code application/problem+json} with a stable type.
 * Scoped to this module: the command side answers its own endpoints in the same application. A feature's own
 * failures are answered by its own advice, ordered ahead of this one ({@code ReadModelBehindProblems},
 * {@code QueryParkedEventsProblems}).
 */
@RestControllerAdvice(basePackages = "com.acme.governance.query")
public class QueryProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryProblemHandler.class);
    private static final String GENERIC_DETAIL = "An unexpected error occurred.";

    @ExceptionHandler(InvalidInputException.class)
    public ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return Problems.response(Problems.invalidInput(e.problems()));
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(ResourceNotFoundException e) {
        return Problems.response(Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class})
    public ResponseEntity<ProblemDetail> readModelUnavailable(RuntimeException e) {
        log.error("Read model store unavailable", e);
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.INTERNAL,
                "The read model is temporarily unavailable; retry shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(ReadModelBehindException.class)
    public ResponseEntity<ProblemDetail> readModelBehind(ReadModelBehindException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.INTERNAL, e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return Problems.response(Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "You are not allowed to do this."));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error while answering a query", e);
        return Problems.response(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
                GENERIC_DETAIL));
    }

    /** Framework-raised errors (unsupported method, missing parameter...): same format, stable types. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(status);
        problem.setType(Problems.typeFor(status));
        if (status.is5xxServerError()) {
            log.error("Framework error while answering a query", e);
            problem.setDetail(GENERIC_DETAIL);
        }
        offendingField(e).ifPresent(field -> problem.setProperty(Problems.ERRORS, List.of(field)));
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(e, problem, problemHeaders, status, request);
    }

    private static Optional<FieldProblem> offendingField(Exception e) {
        if (e instanceof MissingServletRequestParameterException missing) {
            return Optional.of(new FieldProblem(missing.getParameterName(), "is required"));
        }
        return Optional.empty();
    }
}
