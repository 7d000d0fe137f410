package com.acme.governance.edge.security;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;

/**
 * The one security chain of both services (and of the combined local application, which holds both in one context
 * and so installs it once). Stateless; every endpoint authenticated but the health check (BRIEF section 4); HTTP
 * Basic when a {@link UserDetailsService} exists (the local profile, {@link LocalUsers}), JWT with the claims
 * {@code teams} and {@code roles} when a {@link JwtDecoder} exists (production); 401 and 403 as problem+json, the
 * 401 challenging with exactly the schemes that are enabled. Backs off when the application defines its own chain.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableWebSecurity
public class EdgeSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeSecurityAutoConfiguration.class);

    /** BRIEF section 4: every endpoint but the health check requires authentication, the API docs included. */
    static final String[] PUBLIC_PATHS = {"/actuator/health", "/actuator/health/**"};

    @Bean
    @ConditionalOnMissingBean(JwtAuthenticationConverter.class)
    public JwtAuthenticationConverter teamAndRoleJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new TeamAndRoleAuthorities());
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain governanceSecurityFilterChain(HttpSecurity http,
                                                             ObjectProvider<UserDetailsService> userDetailsServices,
                                                             ObjectProvider<JwtDecoder> jwtDecoders,
                                                             ObjectProvider<JwtAuthenticationConverter> jwtConverters)
            throws Exception {
        boolean basic = userDetailsServices.getIfAvailable() != null;
        JwtDecoder jwtDecoder = jwtDecoders.getIfAvailable();
        ProblemAuthenticationEntryPoint entryPoint =
                new ProblemAuthenticationEntryPoint(challenges(basic, jwtDecoder != null));
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler();

        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // an error dispatch renders an error the request already met; it grants nothing
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied));
        if (basic) {
            http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(entryPoint));
        }
        if (jwtDecoder != null) {
            JwtAuthenticationConverter converter = jwtConverters.getIfUnique(this::teamAndRoleJwtAuthenticationConverter);
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied));
        }
        if (!basic && jwtDecoder == null) {
            log.warn("Neither a UserDetailsService nor a JwtDecoder is configured: every protected endpoint answers 401");
        }
        return http.build();
    }

    private static List<String> challenges(boolean basic, boolean jwt) {
        List<String> challenges = new ArrayList<>();
        if (jwt) {
            challenges.add("Bearer");
        }
        if (basic) {
            challenges.add("Basic realm=\"governance\"");
        }
        return challenges;
    }
}
