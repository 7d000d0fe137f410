package com.acme.governance.edge.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemAuthenticationEntryPointTest {

    @Test
    void challengesOnlyTheSchemesThatAreEnabled() throws Exception {
        MockHttpServletResponse response = commence(List.of("Basic realm=\"governance\""));

        assertThat(response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Basic realm=\"governance\"");
    }

    @Test
    void answersAnUnauthenticatedProblemNamingThePath() throws Exception {
        MockHttpServletResponse response = commence(List.of("Bearer", "Basic realm=\"governance\""));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer", "Basic realm=\"governance\"");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(response.getContentAsByteArray());
        assertThat(problem.path("type").asText()).endsWith("/unauthenticated");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/data-products");
    }

    private static MockHttpServletResponse commence(List<String> challenges) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/data-products");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProblemAuthenticationEntryPoint(challenges)
                .commence(request, response, new InsufficientAuthenticationException("none"));
        return response;
    }
}
