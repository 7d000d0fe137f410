package com.acme.governance.edge.web;

import com.acme.governance.api.problem.ProblemTypes;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.HttpRequestHandler;

import java.io.IOException;

/**
 * Replaces Spring Boot's {@code /error} controller, where the container forwards whatever no advice answered (an
 * exception out of a filter, a {@code sendError}): every answer is a problem, whatever the request accepts. Requested
 * directly, {@code /error} is a resource like any unknown one: 404, not Boot's 500 for a missing status.
 */
class ProblemErrorEndpoint implements ErrorController, HttpRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorEndpoint.class);

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(code instanceof Integer status) || status < 400) {
            ProblemResponses.write(response, 404, ProblemTypes.NOT_FOUND, "No such resource", request.getRequestURI());
            return;
        }
        String detail;
        if (status >= 500) {
            log.error("Request to {} failed with {}", path, status,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            detail = "The request failed unexpectedly";
        } else {
            detail = "The request was refused";
        }
        ProblemResponses.write(response, status, ProblemTypes.forStatus(status), detail,
                path instanceof String uri ? uri : null);
    }
}
