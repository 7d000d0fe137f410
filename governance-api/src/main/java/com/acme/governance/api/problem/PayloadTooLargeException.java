package com.acme.governance.api.problem;

import com.acme.governance.api.Limits;

import java.io.IOException;

/**
 * A request body grew past {@link Limits#REQUEST_BODY_BYTES} while it was read (a body without a Content-Length).
 * An {@link IOException}, so that the reader gives up at once, whoever reads; shared by both sides' edges, since in
 * the combined application one side's filter guards the other side's endpoints.
 */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
