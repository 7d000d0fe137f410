package com.acme.governance.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The published log of governance events. */
@ConfigurationProperties("governance.kafka")
public record GovernanceTopicProperties(@DefaultValue("governance.events") String topic,
                                        @DefaultValue("3") int partitions,
                                        @DefaultValue("1") short replicationFactor) {
}
