package com.acme.governance.query.web;

/**
 * Which items of a list to read: {@code limit} of them after skipping {@code skip}. REST pages are windows
 * ({@link #page}); GraphQL connections read one more item than asked to learn whether a next page exists.
 */
public record Window(long skip, int limit) {

    public Window {
        if (skip < 0 || limit < 1) {
            throw new IllegalArgumentException("a window skips 0 or more items and reads at least one");
        }
    }

    public static Window page(int page, int size) {
        return new Window((long) page * size, size);
    }
}
