package com.acme.governance.query.mutation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where GraphQL mutations are decided (adr/0030): the command side's REST API.
 *
 * @param url     the command side's base URL, e.g. {@code http://governance-command:8080}; empty (the default) means
 *                this very server, as in the local stack, where both sides answer on one port
 * @param timeout how long a decision may take, connection included, before the mutation answers UNAVAILABLE
 */
@ConfigurationProperties("governance.query.command-side")
public record CommandSideProperties(@DefaultValue("") String url, @DefaultValue("30s") Duration timeout) {
}
