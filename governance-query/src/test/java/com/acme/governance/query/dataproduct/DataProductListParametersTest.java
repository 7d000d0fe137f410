package com.acme.governance.query.dataproduct;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.ListDataProducts;
import com.acme.governance.api.dataproduct.Tag;
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

class DataProductListParametersTest {

    @Test
    void noParametersMeansEverythingFirstPageOfTwenty() {
        assertThat(DataProductListParameters.parse(new LinkedMultiValueMap<>()))
                .isEqualTo(new ListDataProducts(null, null, null, null, null, null, 0, 20));
    }

    @Test
    void validParametersBecomeTheQuery() {
        ListDataProducts query = DataProductListParameters.parse(params(
                "domain", "sales", "ownerTeam", "sales-analytics", "classification", "CONFIDENTIAL", "tag", "pii",
                "status", "PUBLISHED", "q", "Orders (all).*", "page", "2", "size", "100"));

        assertThat(query).isEqualTo(new ListDataProducts("sales", TeamName.of("sales-analytics"),
                Classification.CONFIDENTIAL, Tag.of("pii"), DataProductStatus.PUBLISHED, "Orders (all).*", 2, 100));
    }

    @Test
    void blankValuesAreAbsent() {
        assertThat(DataProductListParameters.parse(params("domain", "", "q", "  ", "page", "")))
                .isEqualTo(new ListDataProducts(null, null, null, null, null, null, 0, 20));
    }

    @ParameterizedTest
    @CsvSource({"domain,sales$", "ownerTeam,$ne", "tag,$gt", "q,price in $", "classification,$in", "status,$where",
            "page,$1", "size,1$"})
    void aDollarInAnyValueIsRefusedNamingTheParameter(String name, String value) {
        assertThat(problems(params(name, value))).containsExactly(new FieldProblem(name, "must not contain '$'"));
    }

    @ParameterizedTest
    @CsvSource({"ownerTeam[$ne],sales", "domain.$where,x", "sort,title", "Domain,sales", "$where,1"})
    void anUnknownParameterIsRefusedNamingIt(String name, String value) {
        List<FieldProblem> problems = problems(params(name, value));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).field()).isEqualTo(name);
        assertThat(problems.get(0).message()).startsWith("is not a known parameter");
    }

    @Test
    void aRepeatedParameterIsRefused() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("domain", "sales");
        parameters.add("domain", "marketing");

        assertThat(problems(parameters)).containsExactly(new FieldProblem("domain", "must be given at most once"));
    }

    @ParameterizedTest
    @CsvSource({"domain,Sales", "domain,s", "domain,1sales", "domain,sales.orders", "ownerTeam,-team",
            "tag,PII", "tag,-pii", "tag,pii tag", "classification,confidential", "classification,SECRET",
            "status,published", "page,-1", "page,one", "page,1.5", "size,0", "size,101", "size,-5"})
    void malformedValuesAreRefusedNamingTheParameter(String name, String value) {
        assertThat(problems(params(name, value))).extracting(FieldProblem::field).containsExactly(name);
    }

    @Test
    void theTextIsAtMostTwoHundredCharactersWithoutControlCharacters() {
        assertThat(DataProductListParameters.parse(params("q", "x".repeat(200))).q()).hasSize(200);
        assertThat(problems(params("q", "x".repeat(201)))).extracting(FieldProblem::field).containsExactly("q");
        assertThat(problems(params("q", "a\u0000b"))).extracting(FieldProblem::field).containsExactly("q");
    }

    @Test
    void aPageBeyondWhatCanBeSkippedIsRefused() {
        assertThat(problems(params("page", "999999999", "size", "100"))).extracting(FieldProblem::field)
                .containsExactly("page");
    }

    @Test
    void everyOffendingParameterIsNamed() {
        assertThat(problems(params("domain", "X", "size", "0", "status", "GONE"))).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("domain", "size", "status");
    }

    private static List<FieldProblem> problems(MultiValueMap<String, String> parameters) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> DataProductListParameters.parse(parameters));
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
