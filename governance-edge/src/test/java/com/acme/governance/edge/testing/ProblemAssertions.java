package com.acme.governance.edge.testing;

import com.acme.governance.edge.testing.RawHttp.Response;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** What either service's edge tests check of an answer: that it is an RFC 9457 problem, and which. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** A problem of exactly this status and type, the status repeated in the body. */
    public static void assertProblem(Response response, int status, URI type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).as(response.toString()).isEqualTo(type.toString());
        assertThat(response.json().path("status").asInt()).as(response.toString()).isEqualTo(status);
    }

    /**
     * A 4xx problem, of one of these types if any are given: a malformed request may be refused by more than one
     * layer (the firewall, Tomcat, Spring), each with its own type.
     */
    public static void assertClientProblem(Response response, URI... types) {
        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        if (types.length > 0) {
            assertThat(URI.create(response.json().path("type").asText())).as(response.toString()).isIn((Object[]) types);
        }
    }
}
