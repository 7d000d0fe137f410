package com.acme.governance.api.dataproduct;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One published contract version as another contract names it, {@code {productId}@{version}}: a JSON Schema's
 * {@code $ref}, a Protobuf {@code import}, an entry of an Avro contract's references. Versions are immutable, so a
 * reference means the same schema forever.
 */
public record ContractReference(DataProductId product, SemanticVersion version) {

    public static final String PATTERN = DataProductId.PATTERN + "@" + SemanticVersion.PATTERN;
    private static final Pattern COMPILED = Pattern.compile("(" + DataProductId.PATTERN + ")@(" + SemanticVersion.PATTERN
            + ")");

    /** {@code {productId}@{version}}; anything else is refused. */
    @JsonCreator
    public static ContractReference of(String text) {
        Matcher matcher = text == null ? null : COMPILED.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("a contract reference is {productId}@{MAJOR.MINOR.PATCH}, got '" + text
                    + "'");
        }
        return new ContractReference(DataProductId.of(matcher.group(1)), SemanticVersion.parse(matcher.group(2)));
    }

    /** Whether {@code text} is a reference's form (a JSON Schema {@code $ref} may also point inside the schema). */
    public static boolean isReference(String text) {
        return text != null && COMPILED.matcher(text).matches();
    }

    @JsonValue
    @Override
    public String toString() {
        return product + "@" + version;
    }
}
