package com.acme.governance.query.audit.verify;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * 503 while the configured public key cannot be read, or while verifications occupy this instance; ahead of the query
 * side's catch-all, which would say 500.
 */
@RestControllerAdvice(name = "queryAuditVerifyProblems", basePackages = "com.acme.governance.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditVerifyProblems {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifyProblems.class);
    private static final String RETRY_AFTER_SECONDS = "10";

    @ExceptionHandler(VerificationKeyUnavailableException.class)
    ResponseEntity<ProblemDetail> keyUnavailable(VerificationKeyUnavailableException e) {
        log.error("Digest verification key unavailable: {}", e.getMessage());
        return Problems.response(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.INTERNAL,
                "The configured digest verification key cannot be read; an operator must fix it."));
    }

    @ExceptionHandler(VerificationsBusyException.class)
    ResponseEntity<ProblemDetail> busy(VerificationsBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.VERIFICATION_BUSY, e.getMessage()));
    }
}
