package com.acme.governance.edge.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTypeHeaderFilterTest {

    private final MediaTypeHeaderFilter filter = new MediaTypeHeaderFilter();

    // a quoted type makes Spring's own parser fail with an index out of bounds (found by QueryInputFuzzTest)
    @ParameterizedTest
    @ValueSource(strings = {"\"a/b\"", "\"/\"", "\"N\u00f7/\"R\u00b6", "application/*", "*/*", "x", "no/such/thing;;"})
    void aContentTypeThatIsNoConcreteMediaTypeIsUnsupported(String contentType) throws Exception {
        // the mock request parses a Content-Type it is given, and fails on these as Spring does: given as Tomcat does
        HttpServletRequest request = new HttpServletRequestWrapper(get()) {
            @Override
            public String getContentType() {
                return contentType;
            }
        };

        MockHttpServletResponse response = filtered(request);

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("/problems/unsupported-media-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a/b\"", "\"/\"", "application/json, \"x/y\"", "x", "no/such/thing;;"})
    void anAcceptThatIsNoListOfMediaTypesIsNotAcceptable(String accept) throws Exception {
        MockHttpServletRequest request = get();
        request.addHeader("Accept", accept);

        MockHttpServletResponse response = filtered(request);

        assertThat(response.getStatus()).isEqualTo(406);
        assertThat(response.getContentAsString()).contains("/problems/not-acceptable");
    }

    @Test
    void wellFormedHeadersPassThrough() throws Exception {
        MockHttpServletRequest request = get();
        request.addHeader("Content-Type", "application/json; charset=utf-8");
        request.addHeader("Accept", "application/xml;q=0.9, */*;q=0.1");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).as("passed on").isSameAs(request);
    }

    private MockHttpServletResponse filtered(HttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("not passed on").isNull();
        return response;
    }

    private static MockHttpServletRequest get() {
        return new MockHttpServletRequest("GET", "/api/v1/data-products");
    }
}
