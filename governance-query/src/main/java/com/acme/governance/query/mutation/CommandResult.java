package com.acme.governance.query.mutation;

/**
 * What a decision answered, as GraphQL gives it back: the aggregate, its version after the decision, the token to
 * read this write with, and, for a policy change, whether it is in force yet.
 */
public record CommandResult(String id, long version, String consistencyToken, boolean inForce) {
}
