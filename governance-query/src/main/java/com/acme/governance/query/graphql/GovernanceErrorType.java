package com.acme.governance.query.graphql;

import graphql.ErrorClassification;

/**
 * The stable {@code extensions.classification} of every GraphQL error this service answers: the meaning of the
 * HTTP status a REST client gets for the same fault.
 */
public enum GovernanceErrorType implements ErrorClassification {
    /** 400: the offending fields are named in {@code extensions.fields}. */
    BAD_REQUEST,
    /** 401. */
    UNAUTHORIZED,
    /** 403. */
    FORBIDDEN,
    /** 404. */
    NOT_FOUND,
    /** 409. */
    CONFLICT,
    /** 412: the version given is not the resource's current one. */
    PRECONDITION_FAILED,
    /** 503: the read models have not reached the consistency token in time, or the store is unreachable; retry. */
    UNAVAILABLE,
    /** 500: nothing about the cause is given away; the server logs it. */
    INTERNAL_ERROR
}
