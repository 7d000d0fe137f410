package com.acme.governance.query.consistency;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Read-your-writes on every read of the API: the interceptor that waits for the token's event. */
@Configuration(value = "queryConsistencyWebConfiguration", proxyBeanMethods = false)
class ConsistencyWebConfiguration implements WebMvcConfigurer {

    private final ConsistencyTokenInterceptor consistencyTokenInterceptor;

    ConsistencyWebConfiguration(ConsistencyTokenInterceptor consistencyTokenInterceptor) {
        this.consistencyTokenInterceptor = consistencyTokenInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(consistencyTokenInterceptor).addPathPatterns("/api/v1/**");
    }
}
