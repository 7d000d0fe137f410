package com.acme.governance.command.dataproduct.web;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.command.dataproduct.IncompatibleContractException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The data product's own problem: a contract version that would break its mode, with every difference, the rule it
 * breaks, the mode and the version it was compared with, field by field ({@code differences}), and the same in one
 * line each ({@code breakingChanges}). Ahead
 * of the command side's general advice, whose catch-all must not see it.
 */
@RestControllerAdvice(name = "commandDataProductProblems", basePackageClasses = DataProductCommandController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DataProductProblems {

    @ExceptionHandler(IncompatibleContractException.class)
    ProblemDetail incompatibleContract(IncompatibleContractException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(ProblemTypes.INCOMPATIBLE_CONTRACT);
        problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
        problem.setProperty("breakingChanges", e.breakingChanges());
        problem.setProperty("mode", e.mode());
        problem.setProperty("differences", e.differences());
        return problem;
    }
}
