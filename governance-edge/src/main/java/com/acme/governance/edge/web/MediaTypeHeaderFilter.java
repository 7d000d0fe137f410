package com.acme.governance.edge.web;

import com.acme.governance.api.problem.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;

/**
 * Refuses, before anything else parses them, the media-type headers that no handler could honour: a Content-Type
 * that is no media type or a wildcard one (415), an Accept that is no list of media types (406). Spring parses both
 * in many places (content negotiation, the body readers, security's matchers) and some inputs make its parser throw
 * what none of them catches (a quoted type, {@code "a/b"}, fails with an index out of bounds): a 500 at random
 * places. Checked once here, every later parse is safe.
 */
class MediaTypeHeaderFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !isConcrete(contentType)) {
            ProblemResponses.write(response, 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type is not a concrete media type", request.getRequestURI());
            return;
        }
        for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
            if (!isMediaTypeList(accept)) {
                ProblemResponses.write(response, 406, ProblemTypes.NOT_ACCEPTABLE,
                        "The Accept header is not a list of media types", request.getRequestURI());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean isConcrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return false; // InvalidMediaTypeException, or the parser's own failure on quoted input
        }
    }

    static boolean isMediaTypeList(String accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }
}
