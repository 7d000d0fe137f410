package com.acme.governance.query.config;

import com.acme.governance.edge.consistency.GovernanceToken;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

/** Documents the read-your-writes header on every read of this module. */
@Configuration(proxyBeanMethods = false)
public class QueryOpenApiConfiguration {

    private static final String QUERY_PACKAGE = "com.acme.governance.query";

    @Bean
    public OperationCustomizer queryConsistencyTokenHeader() {
        return (operation, handlerMethod) -> {
            // two handlers of one path (the audit trail as JSON and as NDJSON) are one operation: add it once
            boolean present = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> GovernanceToken.HEADER.equals(parameter.getName()));
            if (!present && handlerMethod.getBeanType().getPackageName().startsWith(QUERY_PACKAGE + ".")
                    && handlerMethod.hasMethodAnnotation(GetMapping.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(GovernanceToken.HEADER)
                        .required(false)
                        .description("<aggregateId>:<sequence> from a command's answer: the read waits, bounded, "
                                + "until the read model applied that event (503 read-model-behind otherwise)")
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }
}
