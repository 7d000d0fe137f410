package com.acme.governance.query.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.access.ListAccessRequests;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.edge.problem.FieldProblem;
import com.acme.governance.edge.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccessRequestListParametersTest {

    @Test
    void noParametersMeansEveryRequestFirstPageOfTwenty() {
        assertThat(AccessRequestListParameters.parse(new LinkedMultiValueMap<>()))
                .isEqualTo(new ListAccessRequests(null, null, null, false, 0, 20));
    }

    @Test
    void validParametersBecomeTheQuery() {
        assertThat(AccessRequestListParameters.parse(params("status", "PENDING", "dataProductId", "sales.orders",
                "consumerTeam", "marketing", "awaitingMyApproval", "true", "page", "1", "size", "50")))
                .isEqualTo(new ListAccessRequests(AccessRequestStatus.PENDING, DataProductId.of("sales.orders"),
                        TeamName.of("marketing"), true, 1, 50));
        assertThat(AccessRequestListParameters.parse(params("awaitingMyApproval", "false")).awaitingMyApproval())
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({"status,$ne", "dataProductId,sales.$where", "consumerTeam,$gt", "awaitingMyApproval,$exists"})
    void aDollarInAnyValueIsRefusedNamingTheParameter(String name, String value) {
        assertThat(problems(params(name, value))).containsExactly(new FieldProblem(name, "must not contain '$'"));
    }

    @ParameterizedTest
    @CsvSource({"consumerTeam[$ne],x", "requestedBy,bob", "awaiting,true", "DataProductId,sales.orders"})
    void anUnknownParameterIsRefusedNamingIt(String name, String value) {
        List<FieldProblem> problems = problems(params(name, value));

        assertThat(problems).extracting(FieldProblem::field).containsExactly(name);
        assertThat(problems.get(0).message()).startsWith("is not a known parameter");
    }

    @ParameterizedTest
    @CsvSource({"status,pending", "status,ACTIVE", "dataProductId,sales", "dataProductId,Sales.Orders",
            "dataProductId,sales.orders.v1", "consumerTeam,Marketing", "consumerTeam,m", "page,x", "size,1000"})
    void malformedValuesAreRefusedNamingTheParameter(String name, String value) {
        assertThat(problems(params(name, value))).extracting(FieldProblem::field).containsExactly(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", "True", "yes", "1", "on", "maybe"})
    void awaitingMyApprovalIsExactlyTrueOrFalse(String value) {
        assertThat(problems(params("awaitingMyApproval", value)))
                .containsExactly(new FieldProblem("awaitingMyApproval", "must be true or false"));
    }

    @Test
    void everyOffendingParameterIsNamed() {
        assertThat(problems(params("status", "OPEN", "dataProductId", "x", "awaitingMyApproval", "yes")))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("status", "dataProductId", "awaitingMyApproval");
    }

    private static List<FieldProblem> problems(MultiValueMap<String, String> parameters) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> AccessRequestListParameters.parse(parameters));
        assertThat(e).as("expected the parameters to be refused").isNotNull();
        return e.problems();
    }

    private static MultiValueMap<String, String> params(String... namesAndValues) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }
}
