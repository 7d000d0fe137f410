package com.acme.governance.query.web;

import java.util.List;

/** A page of a list answer: {@code page} is 0-based, {@code total} counts every match. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public PageView {
        items = List.copyOf(items);
    }
}
