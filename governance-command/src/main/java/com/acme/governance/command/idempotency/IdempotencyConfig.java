package com.acme.governance.command.idempotency;

import com.acme.governance.command.config.CommandProperties;
import com.mongodb.client.MongoClient;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/** {@code Idempotency-Key} on every command (ADR 0010). */
@Configuration
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfig {

    @Bean
    IdempotencyStore idempotencyStore(MongoClient mongoClient, CommandProperties command, Clock clock,
                                      IdempotencyProperties properties) {
        return new IdempotencyStore(mongoClient.getDatabase(command.mongoDatabase())
                .getCollection(IdempotencyStore.COLLECTION), clock, properties);
    }

    @Bean
    ExpiredKeyPurge expiredIdempotencyKeyPurge(IdempotencyStore store, IdempotencyProperties properties) {
        return new ExpiredKeyPurge(store, properties.cleanupInterval());
    }

    /** Right after Spring Security's chain: the caller is known, and unauthenticated bodies are never held. */
    @Bean
    FilterRegistrationBean<IdempotencyBufferingFilter> idempotencyBufferingFilter(IdempotencyProperties properties) {
        FilterRegistrationBean<IdempotencyBufferingFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyBufferingFilter(properties.maxBodySize()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }

    @Bean
    WebMvcConfigurer idempotencyInterceptorRegistration(IdempotencyStore store, IdempotencyProperties properties) {
        IdempotencyInterceptor interceptor = new IdempotencyInterceptor(store, properties.maxBodySize().toBytes());
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns("/api/v1/**");
            }
        };
    }
}
