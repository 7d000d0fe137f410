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
    /** 409: a projection rebuild is already running; follow it rather than start another. */
    public static final URI REBUILD_IN_PROGRESS = URI.create(BASE + "rebuild-in-progress");
    public static final URI INTERNAL = URI.create(BASE + "internal");
    /** 503: the database is unreachable; nothing was recorded unless the problem says otherwise, retry later. */
    public static final URI STORE_UNAVAILABLE = URI.create(BASE + "store-unavailable");
    /** 413: the decision would make an event larger than the event log accepts. */
    public static final URI EVENT_TOO_LARGE = URI.create(BASE + "event-too-large");
    /** 503: this service has no signing key configured, so it cannot issue audit digests; nothing was recorded. */
    public static final URI SIGNING_KEY_MISSING = URI.create(BASE + "signing-key-missing");
    /** 503: this instance cannot take the request now (it starts or stops); nothing was recorded, retry shortly. */
    public static final URI UNAVAILABLE = URI.create(BASE + "unavailable");
    /** 503: as many verifications of the event store as the instance runs at once are running; retry later. */
    public static final URI VERIFICATION_BUSY = URI.create(BASE + "verification-busy");
    public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
    public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
    public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
    /** A request the server refused as a whole for its form (malformed path, header, request line...). */
    public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");

    private ProblemTypes() {
    }

    /**
     * The type of an error raised by the servlet container or the framework rather than by this service, for which
     * only the status is known: every answer of the API carries one of the types above, never {@code about:blank}.
     */
    public static URI forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_INPUT;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONCURRENT_CHANGE;
            case 412 -> VERSION_MISMATCH;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 428 -> PRECONDITION_REQUIRED;
            default -> status >= 500 ? INTERNAL : MALFORMED_REQUEST;
        };
    }
}
