package com.acme.governance.edge.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The API docs name how to authenticate, as the security chain does: HTTP Basic where the local users exist,
 * a bearer JWT where an identity provider is configured, and every operation requires one of them (the health
 * check, which is not documented, excepted).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class EdgeOpenApiAutoConfiguration {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";

    @Bean
    public OpenApiCustomizer governanceSecuritySchemes(ObjectProvider<UserDetailsService> localUsers,
                                                       ObjectProvider<JwtDecoder> jwtDecoders) {
        boolean basic = localUsers.getIfAvailable() != null;
        boolean bearer = jwtDecoders.getIfAvailable() != null;
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            if (basic) {
                components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("basic").description("The local profile's users (alice, bob, erin, carol, dave, "
                                + "admin; password: the name followed by -pw)"));
                openApi.addSecurityItem(new SecurityRequirement().addList(BASIC));
            }
            if (bearer) {
                components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").bearerFormat("JWT").description("A JWT of the configured identity "
                                + "provider, with the caller's teams and roles in its claims"));
                openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
            }
            openApi.setComponents(components);
        };
    }
}
