package com.acme.governance.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The combined application (command and query side in one context) boots on the embedded stack, reports itself
 * healthy without credentials and lets no one into the API without them.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GovernanceLocalApplicationIT extends LocalStackSupport {

    @Autowired
    private TestRestTemplate http;

    @Test
    void healthIsUpWithoutCredentials() {
        ResponseEntity<Map> response = http.getForEntity("/actuator/health", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("status", "UP");
    }

    @Test
    void apiRejectsAnAnonymousCallerWithAProblem() {
        ResponseEntity<String> response = http.getForEntity("/api/v1/data-products", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void apiLetsALocalUserIn() {
        ResponseEntity<String> response = http.withBasicAuth("alice", "alice-pw")
                .getForEntity("/api/v1/data-products", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
