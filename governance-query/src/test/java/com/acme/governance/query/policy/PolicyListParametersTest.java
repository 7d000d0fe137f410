package com.acme.governance.query.policy;

import com.acme.governance.api.policy.ListPolicies;
import com.acme.governance.api.policy.PolicyStatus;
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

class PolicyListParametersTest {

    @Test
    void noParametersMeansEveryPolicyFirstPageOfTwenty() {
        assertThat(PolicyListParameters.parse(new LinkedMultiValueMap<>())).isEqualTo(new ListPolicies(null, null, 0, 20));
    }

    @Test
    void validParametersBecomeTheQuery() {
        assertThat(PolicyListParameters.parse(params("status", "RETIRED", "domain", "sales-eu", "page", "3", "size", "5")))
                .isEqualTo(new ListPolicies(PolicyStatus.RETIRED, "sales-eu", 3, 5));
    }

    @ParameterizedTest
    @CsvSource({"status,$ne", "domain,sales$", "page,$1", "size,1$"})
    void aDollarInAnyValueIsRefusedNamingTheParameter(String name, String value) {
        assertThat(problems(params(name, value))).containsExactly(new FieldProblem(name, "must not contain '$'"));
    }

    @ParameterizedTest
    @CsvSource({"status[$ne],ACTIVE", "scope.domain,sales", "q,pii", "Status,ACTIVE", "id,x"})
    void anUnknownParameterIsRefusedNamingIt(String name, String value) {
        List<FieldProblem> problems = problems(params(name, value));

        assertThat(problems).extracting(FieldProblem::field).containsExactly(name);
        assertThat(problems.get(0).message()).startsWith("is not a known parameter");
    }

    @ParameterizedTest
    @CsvSource({"status,active", "status,DRAFT", "domain,Sales", "domain,s", "domain,sales.orders", "page,-1",
            "size,0", "size,101"})
    void malformedValuesAreRefusedNamingTheParameter(String name, String value) {
        assertThat(problems(params(name, value))).extracting(FieldProblem::field).containsExactly(name);
    }

    @Test
    void aRepeatedParameterIsRefused() {
        MultiValueMap<String, String> parameters = params("status", "ACTIVE");
        parameters.add("status", "RETIRED");

        assertThat(problems(parameters)).containsExactly(new FieldProblem("status", "must be given at most once"));
    }

    private static List<FieldProblem> problems(MultiValueMap<String, String> parameters) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> PolicyListParameters.parse(parameters));
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
