package com.acme.governance.query.config;

import com.acme.governance.query.consistency.ConsistencyTokenInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class QueryWebConfiguration implements WebMvcConfigurer {

    private final ConsistencyTokenInterceptor consistencyTokenInterceptor;

    public QueryWebConfiguration(ConsistencyTokenInterceptor consistencyTokenInterceptor) {
        this.consistencyTokenInterceptor = consistencyTokenInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(consistencyTokenInterceptor).addPathPatterns("/api/v1/**");
    }
}
