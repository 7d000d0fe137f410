package com.acme.governance.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Idempotency-Key} on commands (ADR 0010). Before the command: a key seen with the same request replays the
 * first answer, with another request is refused (422), while its first request runs is refused (409); a new key is
 * claimed. After it: a 2xx or 4xx answer is kept with the key, a 5xx (or a failure without an answer) frees the key
 * so that the client's retry runs again. Only the command side's handlers: in the local application the query side
 * shares the servlet context.
 */
class IdempotencyInterceptor implements HandlerInterceptor {

    static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyInterceptor.class);
    private static final String COMMAND_PACKAGE = "com.acme.governance.command.";
    private static final String CLAIM = IdempotencyInterceptor.class.getName() + ".claim";

    private final IdempotencyStore store;
    private final long maxBodyBytes;

    IdempotencyInterceptor(IdempotencyStore store, long maxBodyBytes) {
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        BufferedBodyRequest buffered = WebUtils.getNativeRequest(request, BufferedBodyRequest.class);
        if (buffered == null || !isCommand(handler)) {
            return true;
        }
        IdempotencyKey key = IdempotencyKey.of(Collections.list(request.getHeaders(IdempotencyKey.HEADER)));
        if (!buffered.complete()) {
            throw new IdempotentBodyTooLargeException(maxBodyBytes);
        }
        String fingerprint = RequestFingerprint.of(request.getMethod(), pathAndQuery(request), buffered.body());
        IdempotencyStore.Claim claim = store.claim(principal(), key, fingerprint);
        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            replay(replay.response(), response);
            return false;
        }
        request.setAttribute(CLAIM, claim);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (!(request.getAttribute(CLAIM) instanceof IdempotencyStore.Claim.Acquired claim)) {
            return;
        }
        ContentCachingResponseWrapper answer = WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        try {
            if (failure != null || answer == null || response.getStatus() >= 500) {
                // nothing the client could rely on was answered: its retry must run again, not replay a failure
                store.release(claim);
            } else {
                store.complete(claim, new StoredResponse(response.getStatus(), resultHeaders(response),
                        answer.getContentAsByteArray()));
            }
        } catch (RuntimeException e) {
            // the answer stands; the key stays pending until it times out, so a repetition soon after is refused
            log.error("Could not keep the answer of idempotency key {}", claim.id(), e);
        }
    }

    private static boolean isCommand(Object handler) {
        return handler instanceof HandlerMethod method && method.getBeanType().getName().startsWith(COMMAND_PACKAGE);
    }

    private static String principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("an idempotency key is scoped to its caller, and there is none");
        }
        return authentication.getName();
    }

    private static String pathAndQuery(HttpServletRequest request) {
        return request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
    }

    private static Map<String, List<String>> resultHeaders(HttpServletResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : StoredResponse.REPLAYED_HEADERS) {
            List<String> values = name.equals(HttpHeaders.CONTENT_TYPE)
                    ? (response.getContentType() == null ? List.of() : List.of(response.getContentType()))
                    : List.copyOf(response.getHeaders(name));
            if (!values.isEmpty()) {
                headers.put(name, values);
            }
        }
        return headers;
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader(REPLAYED, "true");
        byte[] body = stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
