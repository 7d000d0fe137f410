package com.acme.governance.query.access;

import com.acme.governance.edge.problem.FieldProblem;
import com.acme.governance.edge.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccessRequestIdsTest {

    @Test
    void aCanonicalUuidIsTheIdInLowerCase() {
        assertThat(AccessRequestIds.parse("0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01")).isEqualTo("0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01");
        assertThat(AccessRequestIds.parse("0B6F2C1E-6F4F-4D6B-9A55-3C1D2E7F8A01")).isEqualTo("0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42", "1-2-3-4-5", "0b6f2c1e6f4f4d6b9a553c1d2e7f8a01", "0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a0g",
            "0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01 ", "{\"$ne\":null}"})
    void anythingElseIsInvalidNamingThePathVariable(String id) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> AccessRequestIds.parse(id));

        assertThat(e).isNotNull();
        assertThat(e.problems()).containsExactly(new FieldProblem("id", "must be a UUID"));
    }
}
