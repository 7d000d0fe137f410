package com.acme.governance.api.access;

import java.util.Objects;

/**
 * One ACL binding a grant implies on the managed Kafka cluster: always ALLOW, from any host. A grant to a team on a
 * product implies READ and DESCRIBE on each of the product's {@code KAFKA_TOPIC} output ports (LITERAL) and READ on
 * the team's consumer-group prefix (PREFIXED), for the team's Kafka principal (adr/0033).
 *
 * @param principal    the Kafka principal, e.g. {@code User:marketing}
 * @param resourceName a topic name, or a group-name prefix such as {@code marketing.}
 */
public record KafkaAclBinding(String principal, Resource resourceType, String resourceName, Pattern patternType,
                              Operation operation) {

    public enum Resource { TOPIC, GROUP }

    public enum Pattern { LITERAL, PREFIXED }

    public enum Operation { READ, DESCRIBE }

    public KafkaAclBinding {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(patternType, "patternType");
        Objects.requireNonNull(operation, "operation");
    }

    /** "User:marketing READ TOPIC sales.orders.v1 (LITERAL)", for logs and refusals. */
    public String describe() {
        return principal + " " + operation + " " + resourceType + " " + resourceName + " (" + patternType + ")";
    }
}
