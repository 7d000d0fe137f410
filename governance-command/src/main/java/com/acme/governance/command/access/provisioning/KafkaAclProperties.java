package com.acme.governance.command.access.provisioning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Whether and how grants become ACLs on the Kafka cluster the service publishes to
 * ({@code governance.command.kafka-acls.*}, adr/0033).
 *
 * @param enabled        off for a cluster the service must not manage (and by default: the cluster needs an
 *                       authorizer, and the service the right to alter ACLs); the local stack turns it on
 * @param principals     a team's Kafka principal where it is not {@code User:<team>}
 * @param attempts       tries of one step (create, delete) before it is recorded as failed
 * @param backoff        the wait before the second try, doubled before each further one
 * @param maxBackoff     the longest wait between two tries
 * @param adminTimeout   how long one call of the Admin API may take
 * @param reconcileInterval how often the bindings on the cluster are compared with the active grants' (0: never
 *                       by itself; {@code POST /api/v1/admin/acls/reconcile} still does)
 * @param removeUnexpected whether bindings on managed topics and groups that no grant implies are deleted, not
 *                       only reported
 */
@ConfigurationProperties("governance.command.kafka-acls")
public record KafkaAclProperties(@DefaultValue("false") boolean enabled,
                                 Map<String, String> principals,
                                 @DefaultValue("5") int attempts,
                                 @DefaultValue("200ms") Duration backoff,
                                 @DefaultValue("5s") Duration maxBackoff,
                                 @DefaultValue("10s") Duration adminTimeout,
                                 @DefaultValue("5m") Duration reconcileInterval,
                                 @DefaultValue("false") boolean removeUnexpected) {

    public KafkaAclProperties {
        principals = principals == null ? Map.of() : Map.copyOf(principals);
        if (attempts < 1) {
            throw new IllegalArgumentException("governance.command.kafka-acls.attempts must be at least 1");
        }
    }
}
