package com.acme.governance.edge.web;

import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class StoreUnavailableProblemsTest {

    private final StoreUnavailableProblems problems = new StoreUnavailableProblems();

    @Test
    void aCommandIsToldThatARetryWithTheSameKeyIsSafe() {
        ResponseEntity<ProblemDetail> answer = problems.storeUnavailable(new MongoTimeoutException("away"),
                new MockHttpServletRequest("POST", "/api/v1/data-products"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).contains("Idempotency-Key");
        assertThat(answer.getBody().getType().toString()).endsWith("/store-unavailable");
    }

    @Test
    void aReadIsToldOnlyToRetry() {
        ResponseEntity<ProblemDetail> answer = problems.storeUnavailable(new MongoTimeoutException("away"),
                new MockHttpServletRequest("GET", "/api/v1/data-products"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().getDetail()).isEqualTo("The database is unavailable; retry later");
    }
}
