package com.acme.governance.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Security of the command service. It is an auto-configuration that backs off when a chain exists, so that the
 * combined local application (command and query in one context) ends up with exactly one, equivalent, chain.
 * HTTP Basic is on when a {@link UserDetailsService} exists (the local profile), JWT when a {@link JwtDecoder} does.
 */
@AutoConfiguration(before = SecurityAutoConfiguration.class)
@EnableWebSecurity
public class CommandSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain commandSecurityFilterChain(HttpSecurity http, ObjectMapper objectMapper,
                                                   ObjectProvider<UserDetailsService> users,
                                                   ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(objectMapper);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // BRIEF section 4: every endpoint but the health check requires authentication
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()));
        if (users.getIfAvailable() != null) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems.entryPoint()));
        }
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(oauth -> oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(teamsAndRoles()))
                    .authenticationEntryPoint(problems.entryPoint()));
        }
        return http.build();
    }

    private static JwtAuthenticationConverter teamsAndRoles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(CommandSecurityAutoConfiguration::authorities);
        return converter;
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        claim(jwt, "teams").forEach(team -> authorities.add(new SimpleGrantedAuthority(CurrentActor.TEAM_PREFIX + team)));
        claim(jwt, "roles").forEach(role -> authorities.add(new SimpleGrantedAuthority(CurrentActor.ROLE_PREFIX + role)));
        return authorities;
    }

    private static List<String> claim(Jwt jwt, String name) {
        List<String> values = jwt.getClaimAsStringList(name);
        return values == null ? List.of() : values;
    }

}
