package com.acme.governance.edge.web;

import com.acme.governance.api.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/** Spring Security's firewall refuses a path or header it deems dangerous: 400 as a problem, not an exception. */
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException exception) throws IOException {
        ProblemResponses.write(response, 400, ProblemTypes.MALFORMED_REQUEST,
                "The request was refused for its form (path, method or a header)", null);
    }
}
