package com.acme.governance.command.web;

import com.acme.governance.edge.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} header as RFC 9110 (section 13.1.1) spells it, read for an update (ADR 0010). Only its
 * syntax is judged here; what each form means for an update is {@link Preconditions}' business.
 */
public sealed interface IfMatch {

    /** The header is absent (or empty): the client did not say which version it changes. */
    record Absent() implements IfMatch {
    }

    /** {@code *}: "any current representation", which says nothing about which version the client read. */
    record Any() implements IfMatch {
    }

    /** One entity-tag, {@code W/"3"} when weak; {@code opaque} is what is between the quotes. */
    record Tag(boolean weak, String opaque) implements IfMatch {

        /** The version it names, if it is the strong ETag of one of ours ({@code "<version>"}, version 1 or more). */
        public Long strongVersion() {
            if (weak || !OUR_ETAG.matcher(opaque).matches()) {
                return null;
            }
            return Long.parseLong(opaque);
        }

        @Override
        public String toString() {
            return (weak ? "W/" : "") + '"' + opaque + '"';
        }
    }

    /** How this service writes a version as an ETag: the decimal number, quoted (a strong entity-tag). */
    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** At most 18 digits so that it fits a long; no leading zero, so that one version has one spelling. */
    Pattern OUR_ETAG = Pattern.compile("[1-9][0-9]{0,17}");

    /**
     * Reads the header. Anything that is not {@code *} or exactly one entity-tag (an unquoted {@code 3}, a stray
     * quote, a list such as {@code "2", "3"}) is refused as invalid input: an update changes one version.
     */
    static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return new Absent();
        }
        String value = header.strip();
        if (value.equals("*")) {
            return new Any();
        }
        List<Tag> tags = tags(value);
        if (tags.size() != 1) {
            throw new InvalidInputException("If-Match", "If-Match must name exactly one ETag, the one you read, "
                    + "e.g. If-Match: \"3\"");
        }
        return tags.get(0);
    }

    private static List<Tag> tags(String value) {
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= value.length() || value.charAt(open) != '"') {
                throw malformed();
            }
            int close = open + 1;
            while (close < value.length() && isEtagChar(value.charAt(close))) {
                close++;
            }
            if (close >= value.length() || value.charAt(close) != '"') {
                throw malformed();
            }
            tags.add(new Tag(weak, value.substring(open + 1, close)));
            i = skipSeparator(value, close + 1);
        }
        return tags;
    }

    /** Past optional whitespace, one comma and optional whitespace; the end of the value ends the list. */
    private static int skipSeparator(String value, int from) {
        int i = skipWhitespace(value, from);
        if (i == value.length()) {
            return i;
        }
        if (value.charAt(i) != ',') {
            throw malformed();
        }
        i = skipWhitespace(value, i + 1);
        if (i == value.length()) {
            throw malformed();
        }
        return i;
    }

    private static int skipWhitespace(String value, int from) {
        int i = from;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** etagc = %x21 / %x23-7E / obs-text: visible characters but the double quote. */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    private static InvalidInputException malformed() {
        return new InvalidInputException("If-Match", "If-Match must be an ETag as GET answered it, quoted, "
                + "e.g. If-Match: \"3\"");
    }
}
