package com.acme.governance.api.dataproduct;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code MAJOR.MINOR.PATCH}, without pre-release or build parts. */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {

    public static final String PATTERN = "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);
    private static final Comparator<SemanticVersion> ORDER = Comparator.comparingInt(SemanticVersion::major)
            .thenComparingInt(SemanticVersion::minor)
            .thenComparingInt(SemanticVersion::patch);

    public SemanticVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version parts must not be negative");
        }
    }

    @JsonCreator
    public static SemanticVersion parse(String text) {
        Matcher matcher = text == null ? null : COMPILED.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("version must be MAJOR.MINOR.PATCH, got '" + text + "'");
        }
        return new SemanticVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    /** A change of major version may break consumers; minor and patch versions must not. */
    public boolean mayBreak(SemanticVersion previous) {
        return major != previous.major;
    }

    @Override
    public int compareTo(SemanticVersion other) {
        return ORDER.compare(this, other);
    }

    @JsonValue
    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
