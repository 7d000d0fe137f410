package com.acme.governance.edge.security;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.edge.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.util.List;

/** 401 as problem+json, with a challenge for every enabled way to authenticate (and none for a disabled one). */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final List<String> challenges;

    ProblemAuthenticationEntryPoint(List<String> challenges) {
        this.challenges = List.copyOf(challenges);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        challenges.forEach(challenge -> response.addHeader(HttpHeaders.WWW_AUTHENTICATE, challenge));
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED.value(), ProblemTypes.UNAUTHENTICATED,
                "Authentication is required.", request.getRequestURI());
    }
}
