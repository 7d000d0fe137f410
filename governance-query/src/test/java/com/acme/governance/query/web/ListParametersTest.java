package com.acme.governance.query.web;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.support.QueryHttpTest;
import com.acme.governance.query.web.ListEndpoint.Accepted;
import com.acme.governance.query.web.ListEndpoint.ExpectedProblem;
import com.acme.governance.query.web.ListEndpoint.Refused;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The query parameters of every list endpoint ({@link ListEndpoints}), strictly validated (see
 * {@link QueryParameters}): what is accepted becomes the query and is answered with the page asked for; what is
 * refused is one invalid-input problem naming every offending parameter, so that nothing a client sends reaches the
 * database as an operator.
 */
class ListParametersTest extends QueryHttpTest {

    static Stream<Accepted> accepted() {
        return ListEndpoints.ALL.stream().flatMap(ListEndpoint::acceptedCases);
    }

    static Stream<Refused> refused() {
        return ListEndpoints.ALL.stream().flatMap(ListEndpoint::refusedCases);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedParametersBecomeTheQueryAndAreAnswered(Accepted accepted) throws Throwable {
        named(accepted, () -> {
            assertThat(accepted.endpoint().parse().apply(accepted.parameters())).isEqualTo(accepted.query());

            mvc.perform(as(accepted.endpoint().paging().reader(), get(accepted.endpoint().path())
                            .params(accepted.parameters())))
                    .andExpect(status().isOk())
                    .andExpect(accepted.endpoint().paging().numbered()
                            ? page(accepted.page(), accepted.size()) : cursorPage(accepted.size()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedParametersAreOneProblemNamingEach(Refused refused) throws Throwable {
        named(refused, () -> {
            String problem = mvc.perform(as(refused.endpoint().paging().reader(), get(refused.endpoint().path())
                            .params(refused.parameters())))
                    .andExpect(status().isBadRequest())
                    .andExpect(problem(ProblemTypes.INVALID_INPUT))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            List<Map<String, String>> errors = JsonPath.read(problem, "$.errors");

            assertThat(errors).extracting(error -> error.get("field")).containsExactlyInAnyOrderElementsOf(
                    refused.problems().stream().map(ExpectedProblem::field).toList());
            refused.problems().stream().filter(expected -> expected.message() != null)
                    .forEach(expected -> assertMessage(errors, expected));
        });
    }

    private static void assertMessage(List<Map<String, String>> errors, ExpectedProblem expected) {
        String message = errors.stream().filter(error -> expected.field().equals(error.get("field")))
                .findFirst().orElseThrow().get("message");
        if (expected.exact()) {
            assertThat(message).as(expected.field()).isEqualTo(expected.message());
        } else {
            assertThat(message).as(expected.field()).startsWith(expected.message());
        }
    }

    /** Surefire's report names a parameterised case by its index only, so a failure says which case it is. */
    private static void named(Object testCase, Executable check) throws Throwable {
        try {
            check.execute();
        } catch (AssertionError failure) {
            throw new AssertionError(testCase + ": " + failure.getMessage(), failure);
        }
    }
}
