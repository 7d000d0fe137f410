package com.acme.governance.command.policy.catalog;

import com.acme.governance.command.config.CommandProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PolicyCatalogConfig {

    @Bean
    PolicyCatalog commandPolicyCatalog(MongoClient mongoClient, CommandProperties properties, ObjectMapper objectMapper) {
        return new PolicyCatalog(mongoClient.getDatabase(properties.mongoDatabase()).getCollection("policy_catalog"),
                objectMapper);
    }

    @Bean
    PolicyCatalogProjection commandPolicyCatalogProjection(PolicyCatalog commandPolicyCatalog) {
        return new PolicyCatalogProjection(commandPolicyCatalog);
    }
}
