package com.acme.governance.query.config;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.Tag;
import com.acme.governance.api.policy.PolicyId;
import com.acme.governance.query.consistency.ConsistencyTokenInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The query side's MVC wiring: the read-your-writes interceptor, and path variables and parameters typed as the
 * contract's identifiers, one converter per type, each the type's own factory (a value it refuses answers 400
 * invalid-input naming the parameter, see {@code QueryProblemHandler}).
 */
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

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, DataProductId.class, DataProductId::of);
        registry.addConverter(String.class, AccessRequestId.class, AccessRequestId::of);
        registry.addConverter(String.class, PolicyId.class, PolicyId::of);
        registry.addConverter(String.class, TeamName.class, TeamName::of);
        registry.addConverter(String.class, Tag.class, Tag::of);
    }
}
