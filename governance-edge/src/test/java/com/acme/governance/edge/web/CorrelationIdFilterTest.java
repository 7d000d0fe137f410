package com.acme.governance.edge.web;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A request's correlation id: the caller's when it is a plain token, else a new one; in the log context meanwhile. */
class CorrelationIdFilterTest {

    private final CorrelationIdFilter filter = new CorrelationIdFilter();

    @Test
    void theCallersIdIsKeptInTheLogContextAndAnswered() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/data-products");
        request.addHeader(CorrelationIdFilter.HEADER, "pipeline-42:step.7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> during = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> during.set(MDC.get(CorrelationIdFilter.MDC_KEY)));

        assertThat(during.get()).isEqualTo("pipeline-42:step.7");
        assertThat(response.getHeader(CorrelationIdFilter.HEADER)).isEqualTo("pipeline-42:step.7");
        assertThat(MDC.get(CorrelationIdFilter.MDC_KEY)).as("gone after the request").isNull();
    }

    @Test
    void anIdThatIsNotAPlainTokenIsReplaced() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/policies");
        request.addHeader(CorrelationIdFilter.HEADER, "x\n{\"forged\": true}");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> during = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> during.set(MDC.get(CorrelationIdFilter.MDC_KEY)));

        assertThat(during.get()).matches("[0-9a-f-]{36}");
        assertThat(response.getHeader(CorrelationIdFilter.HEADER)).isEqualTo(during.get());
    }
}
