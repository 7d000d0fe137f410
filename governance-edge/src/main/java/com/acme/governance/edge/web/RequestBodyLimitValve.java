package com.acme.governance.edge.web;

import com.acme.governance.api.problem.ProblemTypes;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import java.io.IOException;

/**
 * A body announced larger than the limit is refused before the application sees the request, and Tomcat is told not
 * to read it either: by default it would swallow up to 2 MB of it after the answer, holding the connection while a
 * client that waits for the answer sends nothing. {@link RequestBodyLimitFilter} does the same for other containers.
 */
class RequestBodyLimitValve extends ValveBase {

    private final long maxBytes;

    RequestBodyLimitValve(long maxBytes) {
        super(true);
        this.maxBytes = maxBytes;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getContentLengthLong() <= maxBytes) {
            getNext().invoke(request, response);
            return;
        }
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        response.setHeader("Connection", "close");
        ProblemResponses.write(response, 413, ProblemTypes.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes", request.getRequestURI());
    }
}
