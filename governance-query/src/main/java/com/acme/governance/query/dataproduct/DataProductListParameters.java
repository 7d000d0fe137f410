package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.ListDataProducts;
import com.acme.governance.query.web.FieldProblem;
import com.acme.governance.query.web.InvalidInputException;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the query parameters of {@code GET /data-products} into a {@link ListDataProducts}. Strict on
 * purpose: an unknown parameter (such as {@code ownerTeam[$ne]}) or a {@code $} anywhere in a value is refused,
 * never silently ignored, so nothing a client sends can reach the database as an operator.
 */
public final class DataProductListParameters {

    public static final String DOMAIN = "domain";
    public static final String OWNER_TEAM = "ownerTeam";
    public static final String CLASSIFICATION = "classification";
    public static final String TAG = "tag";
    public static final String STATUS = "status";
    public static final String Q = "q";
    public static final String PAGE = "page";
    public static final String SIZE = "size";

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_Q_LENGTH = 200;
    public static final String TEAM_PATTERN = "[a-z][a-z0-9-]{1,62}";
    public static final String TAG_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    private static final Set<String> KNOWN = Set.of(DOMAIN, OWNER_TEAM, CLASSIFICATION, TAG, STATUS, Q, PAGE, SIZE);
    private static final Pattern SEGMENT = Pattern.compile(DataProductId.SEGMENT);
    private static final Pattern TEAM = Pattern.compile(TEAM_PATTERN);
    private static final Pattern TAG_VALUE = Pattern.compile(TAG_PATTERN);
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\p{Cntrl}");

    private DataProductListParameters() {
    }

    /** @throws InvalidInputException naming every offending parameter */
    public static ListDataProducts parse(MultiValueMap<String, String> parameters) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            rejectMalformed(parameter.getKey(), parameter.getValue(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String domain = matching(parameters, DOMAIN, SEGMENT, problems);
        String ownerTeam = matching(parameters, OWNER_TEAM, TEAM, problems);
        Classification classification = oneOf(parameters, CLASSIFICATION, Classification.class, problems);
        String tag = matching(parameters, TAG, TAG_VALUE, problems);
        DataProductStatus status = oneOf(parameters, STATUS, DataProductStatus.class, problems);
        String q = text(parameters, problems);
        int page = number(parameters, PAGE, 0, 0, Integer.MAX_VALUE, problems);
        int size = number(parameters, SIZE, DEFAULT_SIZE, 1, MAX_SIZE, problems);
        if (problems.isEmpty() && (long) page * size > Integer.MAX_VALUE) {
            problems.add(new FieldProblem(PAGE, "is beyond the last possible page"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ListDataProducts(domain, ownerTeam, classification, tag, status, q, page, size);
    }

    private static void rejectMalformed(String name, List<String> values, List<FieldProblem> problems) {
        if (!KNOWN.contains(name)) {
            problems.add(new FieldProblem(name, "is not a known parameter; known: " + String.join(", ", sorted(KNOWN))));
        } else if (values.size() > 1) {
            problems.add(new FieldProblem(name, "must be given at most once"));
        } else if (values.stream().anyMatch(value -> value != null && value.indexOf('$') >= 0)) {
            problems.add(new FieldProblem(name, "must not contain '$'"));
        }
    }

    private static String value(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String matching(MultiValueMap<String, String> parameters, String name, Pattern pattern,
                                   List<FieldProblem> problems) {
        String value = value(parameters, name);
        if (value != null && !pattern.matcher(value).matches()) {
            problems.add(new FieldProblem(name, "must match " + pattern.pattern()));
            return null;
        }
        return value;
    }

    private static <E extends Enum<E>> E oneOf(MultiValueMap<String, String> parameters, String name, Class<E> type,
                                               List<FieldProblem> problems) {
        String value = value(parameters, name);
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

    private static String text(MultiValueMap<String, String> parameters, List<FieldProblem> problems) {
        String value = value(parameters, Q);
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_Q_LENGTH) {
            problems.add(new FieldProblem(Q, "must be at most " + MAX_Q_LENGTH + " characters"));
            return null;
        }
        if (CONTROL_CHARACTER.matcher(value).find()) {
            problems.add(new FieldProblem(Q, "must not contain control characters"));
            return null;
        }
        return value;
    }

    private static int number(MultiValueMap<String, String> parameters, String name, int defaultValue, int min,
                              int max, List<FieldProblem> problems) {
        String value = value(parameters, name);
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

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
