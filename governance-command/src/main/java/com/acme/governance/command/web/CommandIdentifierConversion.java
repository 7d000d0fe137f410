package com.acme.governance.command.web;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.Tag;
import com.acme.governance.api.policy.PolicyId;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Path variables and request parameters typed as the contract's identifiers: one converter per type, each the
 * type's own factory, so that a controller never parses an id and no pattern is declared twice. A value the factory
 * refuses answers 400 invalid-input naming the parameter ({@link CommandProblemHandler}).
 */
@Configuration(proxyBeanMethods = false)
class CommandIdentifierConversion implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, DataProductId.class, DataProductId::of);
        registry.addConverter(String.class, AccessRequestId.class, AccessRequestId::of);
        registry.addConverter(String.class, PolicyId.class, PolicyId::of);
        registry.addConverter(String.class, TeamName.class, TeamName::of);
        registry.addConverter(String.class, Tag.class, Tag::of);
    }
}
