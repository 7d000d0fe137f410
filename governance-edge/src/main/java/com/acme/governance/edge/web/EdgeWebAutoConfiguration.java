package com.acme.governance.edge.web;

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
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.FormContentFilter;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import jakarta.servlet.DispatcherType;

import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP edge of both services: strict JSON bodies within the limits of {@link Limits}, and a problem for every
 * error, from Tomcat's to Spring's error path (see adr/0009 and adr/0014). One auto-configuration for both, so the
 * combined local application, which holds both services in one context, installs it exactly once; its beans back
 * off where an application defines its own.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class,
        before = {HttpMessageConvertersAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
                WebMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({RequestRejectedProblems.class, UnmatchedRequestProblems.class, StoreUnavailableProblems.class,
        TypeMismatchProblems.class, IdentifierConversion.class})
public class EdgeWebAutoConfiguration {

    static final String CORRELATION = "correlationIdFilter";
    static final String BODY_LIMIT = "requestBodyLimitFilter";
    static final String MEDIA_TYPES = "mediaTypeHeaderFilter";
    static final String TOMCAT = "tomcatEdgeCustomizer";
    static final String ERROR_MAPPING = "problemErrorHandlerMapping";

    /** Only for HTTP bodies: the application's ObjectMapper (Axon's events, Kafka's records) stays as it is. */
    @Bean
    @ConditionalOnMissingBean(MappingJackson2HttpMessageConverter.class)
    MappingJackson2HttpMessageConverter strictJsonConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(StrictJson.forRequests(objectMapper));
    }

    /** First of all: even a request refused by the next filters is answered, and logged, with its id. */
    @Bean(CORRELATION)
    @ConditionalOnMissingBean(name = CORRELATION)
    FilterRegistrationBean<CorrelationIdFilter> edgeCorrelationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** Before security and every other filter but character encoding: nothing reads a body it would refuse. */
    @Bean(BODY_LIMIT)
    @ConditionalOnMissingBean(name = BODY_LIMIT)
    FilterRegistrationBean<RequestBodyLimitFilter> edgeRequestBodyLimitFilter() {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(Limits.REQUEST_BODY_BYTES));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** Right after the body limit, before security: nothing parses a media type it would fail on. */
    @Bean(MEDIA_TYPES)
    @ConditionalOnMissingBean(name = MEDIA_TYPES)
    FilterRegistrationBean<MediaTypeHeaderFilter> edgeMediaTypeHeaderFilter() {
        FilterRegistrationBean<MediaTypeHeaderFilter> registration =
                new FilterRegistrationBean<>(new MediaTypeHeaderFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * Both APIs read JSON only. Spring Boot's form filter would decode a form body of a PUT, PATCH or DELETE before
     * any handler, and answer an undecodable one with a 500; present but not registered, it keeps Boot's from being
     * installed, and such a body gets the 415 of any other media type no endpoint consumes.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(FormContentFilter.class)
    static class NoFormContentFilter {

        @Bean
        FormContentFilter unregisteredFormContentFilter() {
            return new FormContentFilter();
        }

        /** Only this one: an application's own form filter stays registered. */
        @Bean
        FilterRegistrationBean<FormContentFilter> formContentFilterNotRegistered(
                FormContentFilter unregisteredFormContentFilter) {
            FilterRegistrationBean<FormContentFilter> registration =
                    new FilterRegistrationBean<>(unregisteredFormContentFilter);
            registration.setEnabled(false);
            return registration;
        }
    }

    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    RequestRejectedHandler problemRequestRejectedHandler() {
        return new ProblemRequestRejectedHandler();
    }

    @Bean(TOMCAT)
    @ConditionalOnMissingBean(name = TOMCAT)
    @ConditionalOnClass(Tomcat.class)
    TomcatEdgeCustomizer edgeTomcatCustomizer() {
        return new TomcatEdgeCustomizer();
    }

    /** In place of Spring Boot's BasicErrorController. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorEndpoint problemErrorEndpoint() {
        return new ProblemErrorEndpoint();
    }

    /** Ahead of every controller; maps nothing when another error controller is in place. */
    @Bean(ERROR_MAPPING)
    @ConditionalOnMissingBean(name = ERROR_MAPPING)
    SimpleUrlHandlerMapping problemErrorHandlerMapping(ObjectProvider<ProblemErrorEndpoint> endpoint,
                                                       @Value("${server.error.path:/error}") String path) {
        Map<String, Object> handlers = new HashMap<>();
        endpoint.ifAvailable(handler -> handlers.put(path, handler));
        return new SimpleUrlHandlerMapping(handlers, Ordered.HIGHEST_PRECEDENCE);
    }
}
