package com.acme.governance.command.web;

import com.acme.governance.edge.problem.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The syntax of RFC 9110's {@code If-Match}, as ADR 0010 reads it for updates. */
class IfMatchTest {

    @Test
    void aQuotedNumberIsTheStrongETagOfThatVersion() {
        assertThat(IfMatch.parse("\"3\"")).isEqualTo(new IfMatch.Tag(false, "3"));
        assertThat(((IfMatch.Tag) IfMatch.parse(" \t\"12\" ")).strongVersion()).isEqualTo(12L);
    }

    @Test
    void aWeakETagNamesNoVersionForAnUpdate() {
        IfMatch.Tag weak = (IfMatch.Tag) IfMatch.parse("W/\"3\"");
        assertThat(weak.weak()).isTrue();
        assertThat(weak.strongVersion()).isNull();
        assertThat(weak).hasToString("W/\"3\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"0\"", "\"03\"", "\"abc\"", "\"\"", "\"-1\"", "\"1234567890123456789\""})
    void aWellFormedETagWeNeverGiveOutNamesNoVersion(String header) {
        assertThat(((IfMatch.Tag) IfMatch.parse(header)).strongVersion()).isNull();
    }

    @Test
    void absenceAndStarAreTheirOwnCases() {
        assertThat(IfMatch.parse(null)).isInstanceOf(IfMatch.Absent.class);
        assertThat(IfMatch.parse("  ")).isInstanceOf(IfMatch.Absent.class);
        assertThat(IfMatch.parse(" * ")).isInstanceOf(IfMatch.Any.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "W/3", "w/\"3\"", "\"3", "3\"", "\"3\"x", "\"3\",", ", \"3\"", "\"3\" \"4\"",
            "\"2\", \"3\"", "\"3\",\"3\"", "*, \"3\"", "\"a\"b\"", "'3'"})
    void anythingButOneEntityTagIsMalformed(String header) {
        assertThatThrownBy(() -> IfMatch.parse(header))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("If-Match"));
    }
}
