package com.acme.governance.query.graphql;

import java.util.List;

/**
 * A Relay connection (the GraphQL Cursor Connections specification): the items of one window as edges, each with
 * the opaque cursor to resume after it, and whether there is more.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }
}
