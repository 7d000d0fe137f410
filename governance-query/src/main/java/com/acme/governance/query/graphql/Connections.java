package com.acme.governance.query.graphql;

import com.acme.governance.edge.problem.FieldProblem;
import com.acme.governance.edge.problem.InvalidInputException;
import com.acme.governance.query.web.Window;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code first}/{@code after} arguments of a connection over a list in a stable order, and the connection of the
 * window read. A cursor is opaque to clients; here it is an item's position in the list, so it stays meaningful as
 * long as items are only appended behind it or the client asks again from the start.
 */
public final class Connections {

    public static final int DEFAULT_FIRST = 20;
    public static final int MAX_FIRST = 100;

    private static final Pattern POSITION = Pattern.compile("position:(\\d{1,18})");

    private Connections() {
    }

    /** The arguments of one request for a connection. */
    public record Page(int first, long offset) {

        /** One item more than asked: whether it exists says whether there is a next page. */
        public Window window() {
            return new Window(offset, first + 1);
        }
    }

    /** @throws InvalidInputException naming {@code first} or {@code after} when either is not acceptable */
    public static Page page(Integer first, String after) {
        List<FieldProblem> problems = new ArrayList<>();
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 1 || size > MAX_FIRST) {
            problems.add(new FieldProblem("first", "must be between 1 and " + MAX_FIRST));
        }
        long offset = 0;
        if (after != null) {
            Long position = positionOf(after);
            if (position == null) {
                problems.add(new FieldProblem("after", "is not a cursor of this list"));
            } else {
                offset = position + 1;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Page(size, offset);
    }

    /** A list's filter and page, both parsed. */
    public record Request<Q>(Q query, Page page) {
    }

    /**
     * Parses the filter and the page together, so that a refusal names every offending field of both.
     *
     * @throws InvalidInputException naming them
     */
    public static <Q> Request<Q> request(Supplier<Q> query, Integer first, String after) {
        List<FieldProblem> problems = new ArrayList<>();
        Q parsed = null;
        Page page = null;
        try {
            parsed = query.get();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        try {
            page = page(first, after);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Request<>(parsed, page);
    }

    /** @param read what the page's window read: up to {@code first + 1} items */
    public static <T> Connection<T> of(Page page, List<T> read, long totalCount) {
        return of(page, read, totalCount, Function.identity());
    }

    public static <T, R> Connection<R> of(Page page, List<T> read, long totalCount, Function<T, R> node) {
        return of(read, page.first(), page.offset() > 0, totalCount, (index, item) -> cursor(page.offset() + index),
                node);
    }

    /**
     * The connection of a window read by some other cursor than a position (the audit trail's keyset cursor).
     *
     * @param read      up to {@code first + 1} items: whether the last exists says whether there is a next page
     * @param totalCount how many match, or -1 where the connection does not say
     * @param cursor    the cursor to resume after an item, given its index in {@code read} and the item
     */
    public static <T, R> Connection<R> of(List<T> read, int first, boolean hasPreviousPage, long totalCount,
                                          BiFunction<Integer, T, String> cursor, Function<T, R> node) {
        List<Connection.Edge<R>> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(read.size(), first); i++) {
            edges.add(new Connection.Edge<>(cursor.apply(i, read.get(i)), node.apply(read.get(i))));
        }
        return new Connection<>(edges, new Connection.PageInfo(read.size() > first, hasPreviousPage,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), totalCount);
    }

    static String cursor(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("position:" + position).getBytes(StandardCharsets.US_ASCII));
    }

    private static Long positionOf(String cursor) {
        try {
            Matcher matcher = POSITION.matcher(new String(Base64.getUrlDecoder().decode(cursor),
                    StandardCharsets.US_ASCII));
            return matcher.matches() ? Long.parseLong(matcher.group(1)) : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
