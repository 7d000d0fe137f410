package com.acme.governance.query.web;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A paged list endpoint of the read API as {@link ListParametersTest} sees it: where it answers, how it reads its
 * parameters into a query, and for each filter one value it accepts and the values it refuses. From that it derives
 * every case, the rules that hold for all lists (a repeated parameter, a {@code $} in a value, an operator in a name,
 * an unknown name, page and size, every problem named at once) as well as its own.
 *
 * @param paging     how the list is paged, and who may read it
 * @param unfiltered the query of a page without filters, given page and size (for a list paged by cursor, page 0 is
 *                   the first page and any other the page after the cursor's accepted value)
 * @param everyFilter the query when every filter has its accepted value, given page and size
 * @param unknown    names this endpoint does not take, beyond the ones derived from its own (another endpoint's
 *                   filter, a field of the read model)
 * @param alsoAccepted further parameters the endpoint accepts, with the query they become
 */
record ListEndpoint(String path, Paging paging, Function<MultiValueMap<String, String>, ?> parse,
                    BiFunction<Integer, Integer, ?> unfiltered, BiFunction<Integer, Integer, ?> everyFilter,
                    List<Parameter> filters, List<String> unknown, Map<MultiValueMap<String, String>, ?> alsoAccepted) {

    static final Parameter PAGE = Parameter.named(QueryParameters.PAGE, "2")
            .refusingSaying("must be a whole number of at least 0", "-1", "one", "x", "1.5", "1e3");
    private static final String DOLLAR = "must not contain '$'";
    private static final String REPEATED = "must be given at most once";
    private static final String UNKNOWN = "is not a known parameter";

    /**
     * How a list is paged: by page number ({@link #NUMBERED}) or by a cursor, whose parameter and values are the
     * list's own; the size's bounds; and a user who may read it.
     */
    record Paging(Parameter position, int defaultSize, int maxSize, String reader) {

        static final Paging NUMBERED = new Paging(PAGE, QueryParameters.DEFAULT_SIZE, QueryParameters.MAX_SIZE, "alice");

        static Paging byCursor(Parameter cursor, int defaultSize, int maxSize, String reader) {
            return new Paging(cursor, defaultSize, maxSize, reader);
        }

        boolean numbered() {
            return position == PAGE;
        }

        /** The page that the position's accepted value selects. */
        int acceptedPage() {
            return numbered() ? Integer.parseInt(position.acceptedValue()) : 1;
        }

        Parameter size() {
            return Parameter.named(QueryParameters.SIZE, "50").refusingSaying("must be a whole number from 1 to "
                    + maxSize, "0", String.valueOf(maxSize + 1), "-5", String.valueOf(maxSize * 10), "x");
        }
    }

    /** One filter or paging parameter: a value it accepts, and values it refuses with the message, where known. */
    record Parameter(String name, String acceptedValue, List<Refusal> refusals) {

        static Parameter named(String name, String acceptedValue) {
            return new Parameter(name, acceptedValue, List.of());
        }

        /** Refused values whose message comes from a value type, not from the list's own rules. */
        Parameter refusing(String... values) {
            return refusingSaying(null, values);
        }

        Parameter refusingSaying(String message, String... values) {
            List<Refusal> more = new ArrayList<>(refusals);
            Arrays.stream(values).map(value -> new Refusal(value, message)).forEach(more::add);
            return new Parameter(name, acceptedValue, List.copyOf(more));
        }
    }

    record Refusal(String value, String message) {
    }

    /** A problem the answer must name: the field, and the message exactly or its start, when not null. */
    record ExpectedProblem(String field, String message, boolean exact) {

        static ExpectedProblem saying(String field, String message) {
            return new ExpectedProblem(field, message, true);
        }

        static ExpectedProblem startingWith(String field, String start) {
            return new ExpectedProblem(field, start, false);
        }

        static ExpectedProblem naming(String field) {
            return new ExpectedProblem(field, null, false);
        }
    }

    record Accepted(ListEndpoint endpoint, MultiValueMap<String, String> parameters, int page, int size, Object query) {
        @Override
        public String toString() {
            return describe(endpoint, parameters) + " -> " + size + (endpoint.paging().numbered()
                    ? " from page " + page : page == 0 ? " from the start" : " after the cursor");
        }
    }

    record Refused(ListEndpoint endpoint, MultiValueMap<String, String> parameters, List<ExpectedProblem> problems) {
        @Override
        public String toString() {
            return describe(endpoint, parameters) + " -> 400 naming "
                    + problems.stream().map(ExpectedProblem::field).toList();
        }
    }

    /** Every filter, then the position (page or cursor) and size. */
    List<Parameter> parameters() {
        return Stream.concat(filters.stream(), Stream.of(paging.position(), paging.size())).toList();
    }

    Stream<Accepted> acceptedCases() {
        int page = paging.acceptedPage();
        int size = Integer.parseInt(paging.size().acceptedValue());
        int defaultSize = paging.defaultSize();
        int maxSize = paging.maxSize();
        Object firstPage = unfiltered.apply(0, defaultSize);
        Stream<Accepted> common = Stream.of(
                accepted(params(), 0, defaultSize, firstPage),
                // a blank value is an absent one, so that an empty form field filters nothing
                accepted(every(parameters(), ""), 0, defaultSize, firstPage),
                accepted(every(parameters(), "  "), 0, defaultSize, firstPage),
                accepted(every(filters, null), 0, defaultSize, everyFilter.apply(0, defaultSize)),
                accepted(every(parameters(), null), page, size, everyFilter.apply(page, size)),
                accepted(params("size", "1"), 0, 1, unfiltered.apply(0, 1)),
                accepted(params("size", String.valueOf(maxSize)), 0, maxSize, unfiltered.apply(0, maxSize)));
        Stream<Accepted> firstPageByNumber = paging.numbered()
                ? Stream.of(accepted(params("page", "0", "size", String.valueOf(maxSize)), 0, maxSize,
                unfiltered.apply(0, maxSize)))
                : Stream.empty();
        Stream<Accepted> own = alsoAccepted.entrySet().stream()
                .map(entry -> accepted(entry.getKey(), 0, defaultSize, entry.getValue()));
        return Stream.of(common, firstPageByNumber, own).flatMap(cases -> cases);
    }

    Stream<Refused> refusedCases() {
        Stream<Refused> perParameter = parameters().stream().flatMap(this::refusedCases);
        Stream<Refused> unknownNames = unknown.stream()
                .map(name -> refused(params(name, "x"), ExpectedProblem.startingWith(name, UNKNOWN)));
        Stream<Refused> together = Stream.of(
                refused(params(parameters().stream().flatMap(p -> Stream.of(p.name(), p.refusals().get(0).value()))),
                        parameters().stream().map(p -> ExpectedProblem.naming(p.name())).toArray(ExpectedProblem[]::new)));
        Stream<Refused> beyondTheLastPage = paging.numbered()
                ? Stream.of(refused(params("page", "999999999", "size", String.valueOf(paging.maxSize())),
                ExpectedProblem.saying("page", "is beyond the last possible page")))
                : Stream.empty();
        return Stream.of(perParameter, unknownNames, together, beyondTheLastPage).flatMap(cases -> cases);
    }

    private Stream<Refused> refusedCases(Parameter parameter) {
        String name = parameter.name();
        String value = parameter.acceptedValue();
        Stream<Refused> byListRules = Stream.of(
                refused(params(name, value, name, value), ExpectedProblem.saying(name, REPEATED)),
                refused(params(name, "$ne"), ExpectedProblem.saying(name, DOLLAR)),
                refused(params(name, value + "$"), ExpectedProblem.saying(name, DOLLAR)),
                refused(params(name, "{\"$ne\":\"x\"}"), ExpectedProblem.saying(name, DOLLAR)),
                refused(params(name + "[$ne]", value), ExpectedProblem.startingWith(name + "[$ne]", UNKNOWN)),
                refused(params(name + ".$where", value), ExpectedProblem.startingWith(name + ".$where", UNKNOWN)),
                refused(params(capitalized(name), value), ExpectedProblem.startingWith(capitalized(name), UNKNOWN)));
        Stream<Refused> byValue = parameter.refusals().stream().map(refusal -> refused(params(name, refusal.value()),
                refusal.message() == null ? ExpectedProblem.naming(name) : ExpectedProblem.saying(name, refusal.message())));
        return Stream.concat(byListRules, byValue);
    }

    private Accepted accepted(MultiValueMap<String, String> parameters, int page, int size, Object query) {
        return new Accepted(this, parameters, page, size, query);
    }

    private Refused refused(MultiValueMap<String, String> parameters, ExpectedProblem... problems) {
        return new Refused(this, parameters, List.of(problems));
    }

    /** Each of {@code parameters} once, with {@code value}, or with its accepted value when that is null. */
    private static MultiValueMap<String, String> every(List<Parameter> parameters, String value) {
        return params(parameters.stream().flatMap(p -> Stream.of(p.name(), value == null ? p.acceptedValue() : value)));
    }

    static MultiValueMap<String, String> params(String... namesAndValues) {
        return params(Arrays.stream(namesAndValues));
    }

    private static MultiValueMap<String, String> params(Stream<String> namesAndValues) {
        List<String> list = namesAndValues.toList();
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (int i = 0; i < list.size(); i += 2) {
            parameters.add(list.get(i), list.get(i + 1));
        }
        return parameters;
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String describe(ListEndpoint endpoint, MultiValueMap<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .flatMap(parameter -> parameter.getValue().stream().map(value -> parameter.getKey() + "=" + shown(value)))
                .collect(Collectors.joining("&"));
        return "GET " + endpoint.path() + (query.isEmpty() ? "" : "?" + query);
    }

    /** Short and printable, so that a case's name stays readable and valid in a test report. */
    private static String shown(String value) {
        String printable = value.chars()
                .mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
        return printable.length() > 40 ? printable.substring(0, 12) + "...(" + value.length() + " characters)" : printable;
    }
}
