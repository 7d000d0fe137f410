package com.acme.governance.command.edge;

import com.acme.governance.api.Limits;
import com.acme.governance.api.json.StrictJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import jakarta.servlet.DispatcherType;

import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP edge of the command service: strict JSON bodies within the limits of {@link Limits}, and a problem for
 * every error, from Tomcat's to Spring's error path (see adr/0009). An auto-configuration whose beans back off when
 * they exist already, like the security's: in the combined local application the query side brings the same edge,
 * and exactly one of the two is installed.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class,
        before = {HttpMessageConvertersAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CommandEdgeAutoConfiguration {

    /** Bean names shared with the query side's edge, which backs off when these exist. */
    static final String BODY_LIMIT = "requestBodyLimitFilter";
    static final String TOMCAT = "tomcatEdgeCustomizer";
    static final String ERROR_MAPPING = "problemErrorHandlerMapping";

    /** Only for HTTP bodies: the application's ObjectMapper, which Axon copies for events, stays as it is. */
    @Bean
    @ConditionalOnMissingBean(MappingJackson2HttpMessageConverter.class)
    MappingJackson2HttpMessageConverter commandStrictJsonConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(StrictJson.forRequests(objectMapper));
    }

    /** Before security and every other filter but character encoding: nothing reads a body it would refuse. */
    @Bean(BODY_LIMIT)
    @ConditionalOnMissingBean(name = BODY_LIMIT)
    FilterRegistrationBean<RequestBodyLimitFilter> commandRequestBodyLimitFilter() {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(Limits.REQUEST_BODY_BYTES));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    RequestRejectedHandler commandRequestRejectedHandler() {
        return new ProblemRequestRejectedHandler();
    }

    @Bean(TOMCAT)
    @ConditionalOnMissingBean(name = TOMCAT)
    @ConditionalOnClass(Tomcat.class)
    TomcatEdgeCustomizer commandTomcatEdgeCustomizer() {
        return new TomcatEdgeCustomizer();
    }

    /** In place of Spring Boot's BasicErrorController. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorEndpoint commandProblemErrorEndpoint() {
        return new ProblemErrorEndpoint();
    }

    /** Ahead of every controller; maps nothing when another error controller is in place. */
    @Bean(ERROR_MAPPING)
    @ConditionalOnMissingBean(name = ERROR_MAPPING)
    SimpleUrlHandlerMapping commandProblemErrorHandlerMapping(ObjectProvider<ProblemErrorEndpoint> endpoint,
                                                              @Value("${server.error.path:/error}") String path) {
        Map<String, Object> handlers = new HashMap<>();
        endpoint.ifAvailable(handler -> handlers.put(path, handler));
        return new SimpleUrlHandlerMapping(handlers, Ordered.HIGHEST_PRECEDENCE);
    }
}
