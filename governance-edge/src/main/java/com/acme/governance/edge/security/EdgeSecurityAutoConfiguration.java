package com.acme.governance.edge.security;

import com.acme.governance.api.authorization.GovernanceRules;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import com.acme.governance.edge.consistency.GovernanceToken;
import com.acme.governance.edge.web.CorrelationIdFilter;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The one security chain of both services (and of the combined local application, which holds both in one context
 * and so installs it once). Stateless; every endpoint authenticated but the health check (BRIEF section 4), the rest
 * of {@code /actuator} for operators only; HTTP Basic when a {@link UserDetailsService} exists (the local profile,
 * {@link LocalUsers}), JWT when a {@link JwtDecoder} exists (production: Spring Boot builds it from
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}, checking {@code audiences}),
 * teams and roles from the claims {@link EdgeSecurityProperties} names; 401 and 403 as problem+json, the 401
 * challenging with exactly the schemes that are enabled. With neither, the application does not start: a service
 * that would answer 401 to everyone is a misconfiguration, not a mode.
 *
 * <p>The chain is ordered ahead of any other and matches every request, so it is the one that applies whatever the
 * order in which the auto-configurations ran (Spring Boot's default chain, if it is created at all, is never
 * reached).
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableWebSecurity
@EnableConfigurationProperties(EdgeSecurityProperties.class)
public class EdgeSecurityAutoConfiguration {

    /** Ahead of Spring Boot's default chain ({@code SecurityProperties.BASIC_AUTH_ORDER}) and of any other. */
    public static final int CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** BRIEF section 4: every endpoint but the health check requires authentication, the API docs included. */
    static final String[] PUBLIC_PATHS = {"/actuator/health", "/actuator/health/**"};
    static final String ACTUATOR = "/actuator/**";
    static final List<String> CORS_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.IF_MATCH, "Idempotency-Key", GovernanceToken.HEADER, CorrelationIdFilter.HEADER);
    static final List<String> CORS_EXPOSED = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION,
            HttpHeaders.RETRY_AFTER, GovernanceToken.HEADER, CorrelationIdFilter.HEADER);

    @Bean
    @ConditionalOnMissingBean(JwtAuthenticationConverter.class)
    public JwtAuthenticationConverter teamAndRoleJwtAuthenticationConverter(EdgeSecurityProperties properties) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new TeamAndRoleAuthorities(properties.teamsClaim(),
                properties.rolesClaim()));
        return converter;
    }

    /** The chain's way of authenticating callers, also for the WebSocket protocols that carry credentials. */
    @Bean
    @ConditionalOnMissingBean
    public CallerAuthentication callerAuthentication(ObjectProvider<UserDetailsService> userDetailsServices,
                                                     ObjectProvider<PasswordEncoder> passwordEncoders,
                                                     ObjectProvider<JwtDecoder> jwtDecoders,
                                                     JwtAuthenticationConverter jwtConverter,
                                                     ObjectProvider<AuthenticationEventPublisher> events) {
        return CallerAuthentication.of(userDetailsServices.getIfAvailable(), passwordEncoders.getIfAvailable(),
                jwtDecoders.getIfAvailable(), jwtConverter, events.getIfAvailable());
    }

    @Bean
    @Order(CHAIN_ORDER)
    public SecurityFilterChain governanceSecurityFilterChain(HttpSecurity http, CallerAuthentication callers,
                                                             ObjectProvider<WebSocketsAuthenticatedInProtocol> webSockets,
                                                             EdgeSecurityProperties properties)
            throws Exception {
        boolean basic = callers.basic();
        boolean jwt = callers.bearer();
        ProblemAuthenticationEntryPoint entryPoint =
                new ProblemAuthenticationEntryPoint(challenges(basic, jwt));
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler();

        RequestMatcher protocolAuthenticated = anyUpgradeOf(webSockets);
        http.securityMatcher("/**")
                .authenticationManager(callers.manager())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> cors.configurationSource(corsSource(properties.cors())))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .authorizeHttpRequests(requests -> requests
                        // an error dispatch renders an error the request already met; it grants nothing
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        // their protocol authenticates the caller before it serves anything (adr/0036)
                        .requestMatchers(protocolAuthenticated).permitAll()
                        .requestMatchers(ACTUATOR).access(operators())
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied));
        if (basic) {
            http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(entryPoint));
        }
        if (jwt) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(tokens -> tokens.authenticationManager(callers.manager()))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied));
        }
        return http.build();
    }

    private static RequestMatcher anyUpgradeOf(ObjectProvider<WebSocketsAuthenticatedInProtocol> webSockets) {
        List<RequestMatcher> upgrades = webSockets.orderedStream().map(WebSocketsAuthenticatedInProtocol::upgrades)
                .toList();
        return request -> upgrades.stream().anyMatch(upgrade -> upgrade.matches(request));
    }

    /** No origin unless configured: then only those, with the headers the API reads and answers. */
    static CorsConfigurationSource corsSource(EdgeSecurityProperties.Cors cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (cors.allowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
        configuration.setAllowedHeaders(CORS_HEADERS);
        configuration.setExposedHeaders(CORS_EXPOSED);
        configuration.setAllowCredentials(true);
        configuration.setMaxAge(cors.maxAge());
        source.registerCorsConfiguration("/**", configuration);
        return source;
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

    /** {@link GovernanceRules#operates}, the rule of the admin endpoints, for the actuator's paths. */
    private static AuthorizationManager<RequestAuthorizationContext> operators() {
        return (authentication, context) -> {
            Authentication caller = authentication.get();
            return new AuthorizationDecision(caller != null && caller.isAuthenticated()
                    && !(caller instanceof AnonymousAuthenticationToken)
                    && GovernanceRules.operates(AuthenticatedActor.of(caller)));
        };
    }
}
