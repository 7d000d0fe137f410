package com.acme.governance.api;

import com.acme.governance.api.access.AccessGrantStatus;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.ListAccessGrants;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.Tag;
import com.acme.governance.api.policy.PolicyId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every identifier checks its value when made, and is written in JSON as the plain string it wraps. */
class IdentifiersTest {

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01", "00000000-0000-0000-0000-000000000000"})
    void anAccessRequestIdIsACanonicalUuid(String id) {
        assertThat(AccessRequestId.of(id).value()).isEqualTo(id);
    }

    @Test
    void anAccessRequestIdIsKeptInLowerCase() {
        assertThat(AccessRequestId.of("0B6F2C1E-6F4F-4D6B-9A55-3C1D2E7F8A01"))
                .isEqualTo(AccessRequestId.of("0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01"));
        assertThat(AccessRequestId.random().value()).matches("[0-9a-f-]{36}");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "42", "not-a-uuid", "1-2-3-4-5", "{\"$ne\":null}", "0b6f2c1e6f4f4d6b9a553c1d2e7f8a01",
            "{0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01}", "0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01 ",
            "0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a0g"})
    void anAccessRequestIdIsNothingLooser(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> AccessRequestId.of(id)).withMessage("must be a UUID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"confidential-data", "ab", "a" + "0123456789012345678901234567890123456789012345678901234567890"})
    void aPolicyIdIsALowercaseName(String id) {
        assertThat(PolicyId.of(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "a", "Confidential_Data", "1policy", "-policy", "policy.x", "pol icy",
            "a01234567890123456789012345678901234567890123456789012345678901x"})
    void aPolicyIdIsNothingElse(String id) {
        refused(PolicyId::of, id, PolicyId.PATTERN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales", "sales-analytics", "m1"})
    void aTeamNameIsALowercaseName(String name) {
        assertThat(TeamName.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "s", "-team", "Sales", "1team", "sales team", "{\"$ne\":\"x\"}"})
    void aTeamNameIsNothingElse(String name) {
        refused(TeamName::of, name, TeamName.PATTERN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pii", "p", "1", "gdpr-2024"})
    void aTagIsALowercaseWord(String tag) {
        assertThat(Tag.of(tag).value()).isEqualTo(tag);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "PII", "-pii", "pii tag", "pii.x"})
    void aTagIsNothingElse(String tag) {
        refused(Tag::of, tag, Tag.PATTERN);
    }

    @Test
    void theConstructorChecksAsTheFactoryDoes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TeamName("Sales"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Tag("PII"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PolicyId("x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new AccessRequestId("x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new DataProductId("Sales", "orders"));
    }

    @Test
    void everyIdentifierIsWrittenAsItsPlainString() throws Exception {
        String request = "0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01";
        assertThat(json.writeValueAsString(AccessRequestId.of(request))).isEqualTo("\"" + request + "\"");
        assertThat(json.writeValueAsString(PolicyId.of("confidential-data"))).isEqualTo("\"confidential-data\"");
        assertThat(json.writeValueAsString(TeamName.of("sales"))).isEqualTo("\"sales\"");
        assertThat(json.writeValueAsString(Tag.of("pii"))).isEqualTo("\"pii\"");
        assertThat(json.readValue("\"" + request + "\"", AccessRequestId.class)).isEqualTo(AccessRequestId.of(request));
        assertThat(json.readValue("\"confidential-data\"", PolicyId.class)).isEqualTo(PolicyId.of("confidential-data"));
        assertThat(json.readValue("\"sales\"", TeamName.class)).isEqualTo(TeamName.of("sales"));
        assertThat(json.readValue("\"pii\"", Tag.class)).isEqualTo(Tag.of("pii"));
    }

    @Test
    void aMessageHoldingIdentifiersReadsAsBefore() throws Exception {
        String written = json.writeValueAsString(new ListAccessGrants(DataProductId.of("sales.orders"),
                TeamName.of("marketing"), AccessGrantStatus.ACTIVE, 0, 20));
        assertThat(written).isEqualTo("{\"dataProductId\":\"sales.orders\",\"consumerTeam\":\"marketing\","
                + "\"status\":\"ACTIVE\",\"page\":0,\"size\":20}");
    }

    @Test
    void anInvalidIdentifierInJsonIsRefused() {
        assertThatThrownBy(() -> json.readValue("\"Sales\"", TeamName.class))
                .isInstanceOf(ValueInstantiationException.class).hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private static void refused(Function<String, ?> factory, String value, String pattern) {
        assertThatIllegalArgumentException().isThrownBy(() -> factory.apply(value)).withMessage("must match " + pattern);
    }
}
