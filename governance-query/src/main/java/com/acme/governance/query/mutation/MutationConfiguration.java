package com.acme.governance.query.mutation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The path of GraphQL mutations to the command side (adr/0030). */
@Configuration(value = "queryMutationConfiguration", proxyBeanMethods = false)
@EnableConfigurationProperties(CommandSideProperties.class)
public class MutationConfiguration {
}
