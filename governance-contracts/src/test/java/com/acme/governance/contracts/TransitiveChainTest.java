package com.acme.governance.contracts;

import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.api.dataproduct.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three versions, each compatible with the one before it in every mode, the third not with the first: a field with a
 * default is dropped, then brought back with another type. A transitive mode refuses the third, against the first;
 * its plain form, which looks at the latest only, accepts it.
 */
class TransitiveChainTest {

    private static final ContractCompatibility.Version V1 = avro("1.0.0",
            "{\"name\": \"a\", \"type\": \"int\", \"default\": 0}");
    private static final ContractCompatibility.Version V2 = avro("1.1.0", null);
    private static final ContractCompatibility.Version V3 = avro("1.2.0",
            "{\"name\": \"a\", \"type\": \"string\", \"default\": \"\"}");

    @ParameterizedTest
    @EnumSource(names = {"BACKWARD", "FORWARD", "FULL", "BACKWARD_TRANSITIVE", "FORWARD_TRANSITIVE", "FULL_TRANSITIVE"})
    void eachStepIsCompatible(CompatibilityMode mode) {
        assertThat(ContractCompatibility.check(mode, List.of(V1), V2)).isEmpty();
        assertThat(ContractCompatibility.check(mode, List.of(V2), V3)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"BACKWARD", "FORWARD", "FULL"})
    void aPlainModeLooksAtTheLatestOnly(CompatibilityMode mode) {
        assertThat(ContractCompatibility.check(mode, List.of(V1, V2), V3)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"BACKWARD_TRANSITIVE", "FORWARD_TRANSITIVE", "FULL_TRANSITIVE"})
    void aTransitiveModeRefusesTheThirdAgainstTheFirst(CompatibilityMode mode) {
        List<ContractDifference> differences = ContractCompatibility.check(mode, List.of(V1, V2), V3);

        assertThat(differences).isNotEmpty().allSatisfy(difference -> {
            assertThat(difference.against()).isEqualTo("1.0.0");
            assertThat(difference.difference()).isEqualTo("TYPE_MISMATCH");
            assertThat(difference.path()).isEqualTo("/fields/0/type");
        });
        assertThat(differences).hasSize(mode == CompatibilityMode.FULL_TRANSITIVE ? 2 : 1);
    }

    @Test
    void theBriefsRuleComparesWithTheLatestAndSeesTheDroppedField() {
        assertThat(ContractCompatibility.check(CompatibilityMode.CONSUMER_SAFE, List.of(V1), V2))
                .singleElement().satisfies(removed -> {
                    assertThat(removed.difference()).isEqualTo("FIELD_REMOVED");
                    assertThat(removed.path()).isEqualTo("/fields/a");
                });
        assertThat(ContractCompatibility.check(CompatibilityMode.CONSUMER_SAFE, List.of(V1, V2), V3))
                .as("an added field with a default is not newly required").isEmpty();
    }

    private static ContractCompatibility.Version avro(String version, String field) {
        String schema = "{\"type\": \"record\", \"name\": \"Order\", \"fields\": [" + (field == null ? "" : field)
                + "]}";
        return new ContractCompatibility.Version(version, SchemaType.AVRO, CompatibilityCasesTest.parse(schema));
    }
}
