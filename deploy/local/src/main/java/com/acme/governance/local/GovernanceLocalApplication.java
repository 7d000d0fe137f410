package com.acme.governance.local;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The command side and the query side in one Spring context, on one port, on top of an embedded Kafka broker
 * and MongoDB-wire server: the one-command local system.
 *
 * <p>This is {@code @SpringBootApplication(scanBasePackages = ...)} spelled out, because the component scan
 * needs one more exclusion: each service's own {@code @SpringBootApplication} class, which would otherwise be
 * picked up as a configuration and start a second component scan and auto-configuration of its module alone.
 * They are excluded by name so that this class does not depend on them. What those classes add besides
 * {@code @SpringBootApplication}, the scan for {@code @ConfigurationProperties} records, is repeated here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {"com.acme.governance.command", "com.acme.governance.query", "com.acme.governance.local"},
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
                        "com\\.acme\\.governance\\.command\\.GovernanceCommandApplication",
                        "com\\.acme\\.governance\\.query\\.GovernanceQueryApplication"})
        })
@ConfigurationPropertiesScan("com.acme.governance.local")
public class GovernanceLocalApplication {

    public static void main(String[] args) {
        LocalLauncher.launch(GovernanceLocalApplication.class, args);
    }
}
