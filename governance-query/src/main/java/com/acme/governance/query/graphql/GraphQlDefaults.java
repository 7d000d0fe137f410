package com.acme.governance.query.graphql;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The query side's GraphQL settings as defaults of the lowest precedence: GraphiQL at {@code /graphiql} and the
 * graphql-ws subscriptions at {@code /graphql} are part of the public contract (BRIEF section 4), so they are on
 * wherever the query side runs, and any configuration (an application.yml, the environment) still overrides them.
 * A property source rather than an {@code application.yml} in this module, which would shadow the launcher's (ADR 0001).
 */
public class GraphQlDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "governanceQueryGraphQlDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "spring.graphql.graphiql.enabled", "true",
                "spring.graphql.graphiql.path", "/graphiql",
                "spring.graphql.websocket.path", "/graphql",
                "spring.graphql.schema.printer.enabled", "true")));
    }
}
