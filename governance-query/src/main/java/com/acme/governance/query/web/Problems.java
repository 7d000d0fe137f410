package com.acme.governance.query.web;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.problem.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;

/** RFC 9457 problem details with the stable types of the public contract. */
public final class Problems {

    public static final String ERRORS = "errors";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return problem;
    }

    public static ProblemDetail invalidInput(List<FieldProblem> problems) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "The request has invalid input.");
        problem.setProperty(ERRORS, problems);
        return problem;
    }

    /** The stable type for a status, for problems raised by the framework rather than by this service. */
    public static URI typeFor(HttpStatusCode status) {
        return ProblemTypes.forStatus(status.value());
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
