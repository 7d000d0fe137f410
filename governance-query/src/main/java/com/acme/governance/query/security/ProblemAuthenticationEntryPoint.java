package com.acme.governance.query.security;

import com.acme.governance.api.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.util.List;

/** 401 as problem+json, with a challenge for every enabled way to authenticate. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponseWriter writer;
    private final List<String> challenges;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter writer, List<String> challenges) {
        this.writer = writer;
        this.challenges = List.copyOf(challenges);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenges.forEach(challenge -> response.addHeader(HttpHeaders.WWW_AUTHENTICATE, challenge));
        writer.write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
                "Authentication is required.");
    }
}
