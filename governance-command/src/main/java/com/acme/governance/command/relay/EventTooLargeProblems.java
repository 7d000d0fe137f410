package com.acme.governance.command.relay;

import com.acme.governance.api.problem.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 413 for a decision whose event the event log could not carry. It comes before the service's catch-all because the
 * exception is raised while the unit of work commits, and may arrive wrapped.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(name = "commandEventTooLargeProblems", basePackages = "com.acme.governance.command")
class EventTooLargeProblems {

    @ExceptionHandler(EventTooLargeException.class)
    ProblemDetail eventTooLarge(EventTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage()
                + "; nothing was recorded. Send less (a smaller schema, a shorter description).");
        problem.setType(ProblemTypes.EVENT_TOO_LARGE);
        problem.setTitle(HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
        problem.setProperty("recordBytes", e.recordBytes());
        problem.setProperty("maxRecordBytes", e.maxRecordBytes());
        return problem;
    }
}
