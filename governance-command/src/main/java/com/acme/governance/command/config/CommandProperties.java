package com.acme.governance.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mongoDatabase the database holding the event store, tracking tokens and (later) sagas and deadlines
 * @param conflictRetries how often a command that lost a race with another instance is retried on fresh state
 */
@ConfigurationProperties("governance.command")
public record CommandProperties(@DefaultValue("governance_events") String mongoDatabase,
                                @DefaultValue("3") int conflictRetries) {
}
