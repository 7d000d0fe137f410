package com.acme.governance.command.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;

/**
 * Holds the body and the answer of a command that carries an {@code Idempotency-Key}, for
 * {@link IdempotencyInterceptor}: the body to compare before the command runs, the answer to keep once it has. The
 * answer reaches the client only after the interceptor has stored it, so a client never has an answer its key lacks.
 * Runs after Spring Security's filter chain; requests without a key pass untouched.
 */
class IdempotencyBufferingFilter extends OncePerRequestFilter {

    private final int maxBodyBytes;

    IdempotencyBufferingFilter(DataSize maxBodySize) {
        this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE - 1, maxBodySize.toBytes());
    }

    /** Commands only: POST and PUT of the API, with the header. */
    static boolean applies(HttpServletRequest request) {
        String method = request.getMethod();
        return ("POST".equals(method) || "PUT".equals(method))
                && request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/")
                && request.getHeader(IdempotencyKey.HEADER) != null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !applies(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(BufferedBodyRequest.of(request, maxBodyBytes), answer);
        } finally {
            answer.copyBodyToResponse();
        }
    }
}
