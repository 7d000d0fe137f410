package com.acme.governance.command.audit.digest.web;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.command.audit.digest.issuing.SigningKeyMissingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 503 while no signing key is configured: the request is fine and the history is fine, the service cannot sign;
 * an operator's configuration fixes it, not the caller (adr/0025).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(name = "commandAuditDigestProblems", basePackages = "com.acme.governance.command")
class AuditDigestProblems {

    @ExceptionHandler(SigningKeyMissingException.class)
    ProblemDetail signingKeyMissing(SigningKeyMissingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                e.getMessage() + "; nothing was recorded");
        problem.setType(ProblemTypes.SIGNING_KEY_MISSING);
        problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        return problem;
    }
}
