package com.acme.governance.edge.web;

import com.acme.governance.api.TeamName;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.Tag;
import com.acme.governance.api.policy.PolicyId;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Path variables and request parameters typed as the contract's identifiers, on both services: one converter per
 * type, each the type's own factory, so that no controller parses an id and no pattern is declared twice. A value the
 * factory refuses answers 400 invalid-input naming the parameter ({@link TypeMismatchProblems}).
 */
@Configuration(value = "edgeIdentifierConversion", proxyBeanMethods = false)
class IdentifierConversion implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, DataProductId.class, DataProductId::of);
        registry.addConverter(String.class, AccessRequestId.class, AccessRequestId::of);
        registry.addConverter(String.class, PolicyId.class, PolicyId::of);
        registry.addConverter(String.class, TeamName.class, TeamName::of);
        registry.addConverter(String.class, Tag.class, Tag::of);
    }
}
