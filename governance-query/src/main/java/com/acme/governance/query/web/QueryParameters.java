package com.acme.governance.query.web;

import com.acme.governance.edge.problem.FieldProblem;
import com.acme.governance.edge.problem.InvalidInputException;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The query parameters of a paged list endpoint, validated strictly: an unknown parameter (such as
 * {@code ownerTeam[$ne]}), a repeated one or a {@code $} anywhere in a value is refused, never silently ignored, so
 * nothing a client sends can reach the database as an operator. Problems are collected rather than thrown one by
 * one, so that a single answer names every offending parameter.
 */
public final class QueryParameters {

    public static final String PAGE = "page";
    public static final String SIZE = "size";
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\p{Cntrl}");
    private static final String INSTANT = "must be an ISO-8601 instant with an offset, e.g. 2026-03-01T00:00:00Z";
    private static final String TRUE = "true";
    private static final String FALSE = "false";

    private final MultiValueMap<String, String> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final int page;
    private final int size;

    private QueryParameters(MultiValueMap<String, String> parameters, boolean numbered, int defaultSize, int maxSize) {
        this.parameters = parameters;
        this.page = numbered ? number(PAGE, 0, 0, Integer.MAX_VALUE) : 0;
        this.size = number(SIZE, defaultSize, 1, maxSize);
    }

    /**
     * The parameters of a list paged by number.
     *
     * @param filters the endpoint's parameters besides {@code page} and {@code size}, which every such list has
     * @throws InvalidInputException at once when a parameter is unknown, repeated or holds a {@code $}: its value is
     *                               then never read
     */
    public static QueryParameters of(MultiValueMap<String, String> parameters, Set<String> filters) {
        rejectMalformed(parameters, filters, PAGE, SIZE);
        return new QueryParameters(parameters, true, DEFAULT_SIZE, MAX_SIZE);
    }

    /**
     * The parameters of a single resource's read, which is not paged: only {@code known} are accepted.
     *
     * @throws InvalidInputException at once, as {@link #of}
     */
    public static QueryParameters ofResource(MultiValueMap<String, String> parameters, Set<String> known) {
        rejectMalformed(parameters, known);
        return new QueryParameters(parameters, false, DEFAULT_SIZE, MAX_SIZE);
    }

    /**
     * The parameters of a list paged by cursor, which has no {@code page}: the cursor is one of its own
     * {@code filters}, read like any other.
     *
     * @throws InvalidInputException at once, as {@link #of}
     */
    public static QueryParameters cursorPaged(MultiValueMap<String, String> parameters, Set<String> filters,
                                              int defaultSize, int maxSize) {
        rejectMalformed(parameters, filters, SIZE);
        return new QueryParameters(parameters, false, defaultSize, maxSize);
    }

    private static void rejectMalformed(MultiValueMap<String, String> parameters, Set<String> filters,
                                        String... paging) {
        Set<String> known = new HashSet<>(filters);
        known.addAll(Arrays.asList(paging));
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            rejectMalformed(parameter.getKey(), parameter.getValue(), known, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** 0-based page number, default 0; always 0 for a list paged by cursor. */
    public int page() {
        return page;
    }

    /** Items per page, by default {@value #DEFAULT_SIZE} and at most {@value #MAX_SIZE} unless the list says otherwise. */
    public int size() {
        return size;
    }

    /** Records a problem with a parameter that only the endpoint can see, such as two that contradict each other. */
    public void refuse(String name, String message) {
        problems.add(new FieldProblem(name, message));
    }

    /** @throws InvalidInputException naming every offending parameter seen so far */
    public void throwIfInvalid() {
        if (problems.isEmpty() && (long) page * size > Integer.MAX_VALUE) {
            problems.add(new FieldProblem(PAGE, "is beyond the last possible page"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The value if it matches {@code pattern} entirely, null when absent or blank. */
    public String matching(String name, Pattern pattern) {
        String value = value(name);
        if (value != null && !pattern.matcher(value).matches()) {
            problems.add(new FieldProblem(name, "must match " + pattern.pattern()));
            return null;
        }
        return value;
    }

    /** The constant named exactly (case included) by the value, null when absent or blank. */
    public <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        String value = value(name);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problems.add(new FieldProblem(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
        return null;
    }

    /** {@code true} or {@code false}, nothing looser (no "1", "yes" or "TRUE"); false when absent or blank. */
    public boolean flag(String name) {
        String value = value(name);
        if (value == null || value.equals(FALSE)) {
            return false;
        }
        if (value.equals(TRUE)) {
            return true;
        }
        problems.add(new FieldProblem(name, "must be true or false"));
        return false;
    }

    /**
     * The value read by {@code parser}, whose {@link IllegalArgumentException} says what is wrong with it; null when
     * absent or blank.
     */
    public <T> T parsed(String name, Function<String, T> parser) {
        String value = value(name);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(name, e.getMessage()));
            return null;
        }
    }

    /** An ISO-8601 instant with an offset ({@code 2026-03-01T00:00:00Z}); null when absent or blank. */
    public Instant instant(String name) {
        return parsed(name, QueryParameters::parseInstant);
    }

    /** Whether a value given for {@code name} was refused already. */
    public boolean refused(String name) {
        return problems.stream().anyMatch(problem -> problem.field().equals(name));
    }

    private static final Instant EARLIEST_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * An instant as every endpoint reads one: ISO-8601 with an offset, in the years 0000 to 9999.
     *
     * @throws IllegalArgumentException saying what an instant must be
     */
    public static Instant parseInstantOrThrow(String value) {
        return parseInstant(value);
    }

    private static Instant parseInstant(String value) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(INSTANT, e);
        }
        // years ISO-8601 writes with four digits: far beyond them a BSON date (milliseconds in 64 bits) overflows
        if (instant.isBefore(EARLIEST_INSTANT) || instant.isAfter(LATEST_INSTANT)) {
            throw new IllegalArgumentException(INSTANT + ", between the years 0000 and 9999");
        }
        return instant;
    }

    /** Free text of at most {@code maxLength} characters without control characters; null when absent or blank. */
    public String text(String name, int maxLength) {
        String value = value(name);
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            problems.add(new FieldProblem(name, "must be at most " + maxLength + " characters"));
            return null;
        }
        if (CONTROL_CHARACTER.matcher(value).find()) {
            problems.add(new FieldProblem(name, "must not contain control characters"));
            return null;
        }
        return value;
    }

    private static void rejectMalformed(String name, List<String> values, Set<String> known,
                                        List<FieldProblem> problems) {
        if (!known.contains(name)) {
            problems.add(new FieldProblem(name, "is not a known parameter; known: "
                    + String.join(", ", known.stream().sorted().toList())));
        } else if (values.size() > 1) {
            problems.add(new FieldProblem(name, "must be given at most once"));
        } else if (values.stream().anyMatch(value -> value != null && value.indexOf('$') >= 0)) {
            problems.add(new FieldProblem(name, "must not contain '$'"));
        }
    }

    private String value(String name) {
        String value = parameters.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }

    private int number(String name, int defaultValue, int min, int max) {
        String value = value(name);
        if (value == null) {
            return defaultValue;
        }
        int number = NUMBER.matcher(value).matches() ? Integer.parseInt(value) : -1;
        if (number < min || number > max) {
            problems.add(new FieldProblem(name, max == Integer.MAX_VALUE
                    ? "must be a whole number of at least " + min
                    : "must be a whole number from " + min + " to " + max));
            return defaultValue;
        }
        return number;
    }
}
