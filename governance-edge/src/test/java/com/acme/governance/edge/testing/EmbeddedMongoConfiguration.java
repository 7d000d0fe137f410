package com.acme.governance.edge.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A service under test against its own {@link EmbeddedMongo}: started with the test's Spring context, pointed to by
 * {@code spring.data.mongodb.uri}, stopped when the context closes. Add it to the test's {@code @SpringBootTest}
 * classes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongo embeddedMongo() {
        return EmbeddedMongo.start();
    }

    @Bean
    DynamicPropertyRegistrar embeddedMongoUri(EmbeddedMongo embeddedMongo) {
        return registry -> registry.add("spring.data.mongodb.uri", embeddedMongo::connectionString);
    }
}
