package com.acme.governance.command.edge;

import com.acme.governance.api.Limits;

import java.io.IOException;

/**
 * A request body grew past {@link Limits#REQUEST_BODY_BYTES} while it was read (a body without a Content-Length).
 * An {@link IOException}, so that the reader gives up at once, whoever reads.
 */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
