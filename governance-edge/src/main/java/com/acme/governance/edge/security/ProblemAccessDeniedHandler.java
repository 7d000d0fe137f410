package com.acme.governance.edge.security;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 403 as problem+json. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemResponses.write(response, HttpStatus.FORBIDDEN.value(), ProblemTypes.FORBIDDEN,
                "You are not allowed to do this.", request.getRequestURI());
    }
}
