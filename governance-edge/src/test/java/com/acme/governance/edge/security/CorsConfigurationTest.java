package com.acme.governance.edge.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CORS: none unless origins are named, then only those, with the API's own headers, and never any origin. */
class CorsConfigurationTest {

    @Test
    void withoutConfiguredOriginsNoRequestGetsACorsConfiguration() {
        var source = EdgeSecurityAutoConfiguration.corsSource(new EdgeSecurityProperties.Cors(List.of(),
                Duration.ofHours(1)));

        assertThat(source.getCorsConfiguration(new MockHttpServletRequest("GET", "/api/v1/data-products"))).isNull();
    }

    @Test
    void configuredOriginsMayCallWithCredentialsAndTheApisHeaders() {
        var source = EdgeSecurityAutoConfiguration.corsSource(new EdgeSecurityProperties.Cors(
                List.of("https://portal.example.com"), Duration.ofMinutes(10)));

        CorsConfiguration configuration = source.getCorsConfiguration(
                new MockHttpServletRequest("PUT", "/api/v1/data-products/sales.orders"));

        assertThat(configuration.checkOrigin("https://portal.example.com")).isEqualTo("https://portal.example.com");
        assertThat(configuration.checkOrigin("https://evil.example.com")).isNull();
        assertThat(configuration.getAllowCredentials()).isTrue();
        assertThat(configuration.checkHeaders(List.of("If-Match", "Idempotency-Key", "X-Governance-Token")))
                .hasSize(3);
        assertThat(configuration.getExposedHeaders()).contains("ETag", "X-Governance-Token");
        assertThat(configuration.getMaxAge()).isEqualTo(600);
    }

    @Test
    void anyOriginIsRefusedSinceTheApiIsCalledWithCredentials() {
        assertThatThrownBy(() -> new EdgeSecurityProperties.Cors(List.of("*"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not *");
    }
}
