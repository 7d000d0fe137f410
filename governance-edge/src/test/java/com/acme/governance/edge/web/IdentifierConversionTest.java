package com.acme.governance.edge.web;

import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.problem.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Path and parameter ids are the contract's value types, and a value one refuses is a 400 naming the parameter. */
class IdentifierConversionTest {

    private final DefaultFormattingConversionService conversion = new DefaultFormattingConversionService();

    IdentifierConversionTest() {
        new IdentifierConversion().addFormatters(conversion);
    }

    @Test
    void aPathVariableBecomesTheContractsIdentifier() {
        assertThat(conversion.convert("sales.orders", DataProductId.class)).isEqualTo(DataProductId.of("sales.orders"));
    }

    @Test
    void aValueTheIdentifierRefusesIsAnsweredWithItsOwnReasonNamingTheParameter() {
        assertThatThrownBy(() -> conversion.convert("orders", DataProductId.class))
                .isInstanceOf(ConversionFailedException.class);
        TypeMismatchException mismatch = new TypeMismatchException("orders", DataProductId.class,
                new IllegalArgumentException("data product id must be {domain}.{name}, got 'orders'"));
        mismatch.initPropertyName("id");

        ProblemDetail problem = body(new TypeMismatchProblems().typeMismatch(mismatch));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType()).isEqualTo(ProblemTypes.INVALID_INPUT);
        assertThat(problem.getProperties()).containsEntry("errors",
                List.of(new FieldProblem("id", "data product id must be {domain}.{name}, got 'orders'")));
    }

    @Test
    void anyOtherTypeOnlySaysTheTypeIsWrong() {
        TypeMismatchException mismatch = new TypeMismatchException("many", Integer.class,
                new NumberFormatException("For input string: \"many\""));
        mismatch.initPropertyName("page");

        ProblemDetail problem = body(new TypeMismatchProblems().typeMismatch(mismatch));

        assertThat(problem.getProperties()).containsEntry("errors",
                List.of(new FieldProblem("page", "has the wrong type")));
    }

    private static ProblemDetail body(ResponseEntity<ProblemDetail> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        return response.getBody();
    }
}
