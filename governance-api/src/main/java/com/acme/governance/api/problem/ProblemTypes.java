package com.acme.governance.api.problem;

import java.net.URI;

/** The stable RFC 9457 problem {@code type}s of the public API. */
public final class ProblemTypes {

    private static final String BASE = "https://governance.acme.com/problems/";

    public static final URI INVALID_INPUT = URI.create(BASE + "invalid-input");
    public static final URI UNAUTHENTICATED = URI.create(BASE + "unauthenticated");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI DUPLICATE = URI.create(BASE + "duplicate");
    public static final URI ILLEGAL_STATE = URI.create(BASE + "illegal-state-transition");
    public static final URI CONCURRENT_CHANGE = URI.create(BASE + "concurrent-change");
    public static final URI INCOMPATIBLE_CONTRACT = URI.create(BASE + "incompatible-contract");
    public static final URI VERSION_MISMATCH = URI.create(BASE + "version-mismatch");
    public static final URI PRECONDITION_REQUIRED = URI.create(BASE + "precondition-required");
    /** The same {@code Idempotency-Key} came with another request (body, method or path) than its first use. */
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");
    /** The first request with this {@code Idempotency-Key} is still being processed; retry shortly. */
    public static final URI IDEMPOTENCY_KEY_IN_FLIGHT = URI.create(BASE + "idempotency-key-in-flight");
    public static final URI READ_MODEL_BEHIND = URI.create(BASE + "read-model-behind");
    public static final URI INTERNAL = URI.create(BASE + "internal");
    /** 503: the database is unreachable; nothing was recorded unless the problem says otherwise, retry later. */
    public static final URI STORE_UNAVAILABLE = URI.create(BASE + "store-unavailable");
    /** 413: the decision would make an event larger than the event log accepts. */
    public static final URI EVENT_TOO_LARGE = URI.create(BASE + "event-too-large");

    private ProblemTypes() {
    }
}
