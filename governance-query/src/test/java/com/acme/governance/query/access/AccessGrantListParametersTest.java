package com.acme.governance.query.access;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessGrantStatus;
import com.acme.governance.api.access.ListAccessGrants;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.edge.problem.FieldProblem;
import com.acme.governance.edge.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccessGrantListParametersTest {

    @Test
    void noParametersMeansEveryGrantFirstPageOfTwenty() {
        assertThat(AccessGrantListParameters.parse(new LinkedMultiValueMap<>()))
                .isEqualTo(new ListAccessGrants(null, null, null, 0, 20));
    }

    @Test
    void validParametersBecomeTheQuery() {
        assertThat(AccessGrantListParameters.parse(params("dataProductId", "sales.orders", "consumerTeam", "marketing",
                "status", "ACTIVE", "page", "2", "size", "1")))
                .isEqualTo(new ListAccessGrants(DataProductId.of("sales.orders"), TeamName.of("marketing"), AccessGrantStatus.ACTIVE,
                        2, 1));
    }

    @ParameterizedTest
    @CsvSource({"status,$ne", "dataProductId,$in", "consumerTeam,team$"})
    void aDollarInAnyValueIsRefusedNamingTheParameter(String name, String value) {
        assertThat(problems(params(name, value))).containsExactly(new FieldProblem(name, "must not contain '$'"));
    }

    @ParameterizedTest
    @CsvSource({"status[$ne],ACTIVE", "awaitingMyApproval,true", "ownerTeam,sales"})
    void anUnknownParameterIsRefusedNamingIt(String name, String value) {
        List<FieldProblem> problems = problems(params(name, value));

        assertThat(problems).extracting(FieldProblem::field).containsExactly(name);
        assertThat(problems.get(0).message()).startsWith("is not a known parameter");
    }

    @ParameterizedTest
    @CsvSource({"status,PENDING", "status,active", "dataProductId,orders", "consumerTeam,-x", "page,-1", "size,0"})
    void malformedValuesAreRefusedNamingTheParameter(String name, String value) {
        assertThat(problems(params(name, value))).extracting(FieldProblem::field).containsExactly(name);
    }

    private static List<FieldProblem> problems(MultiValueMap<String, String> parameters) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> AccessGrantListParameters.parse(parameters));
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
