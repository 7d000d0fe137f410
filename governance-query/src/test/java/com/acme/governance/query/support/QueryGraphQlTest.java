package com.acme.governance.query.support;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.client.MockMvcWebTestClient;

/**
 * The query application's {@code /graphql} as a client sees it, through the whole security chain (HTTP Basic of the
 * local users), over the governed world of {@link QueryHttpTest}.
 */
public abstract class QueryGraphQlTest extends QueryHttpTest {

    protected WebTestClient http() {
        return MockMvcWebTestClient.bindTo(mvc).baseUrl("/graphql").build();
    }

    protected HttpGraphQlTester graphQl(String user) {
        return HttpGraphQlTester.create(http().mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, basic(user, user + "-pw")).build());
    }
}
