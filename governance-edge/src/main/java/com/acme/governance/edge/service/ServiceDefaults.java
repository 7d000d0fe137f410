package com.acme.governance.edge.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings a service started on its own (the command or the query service's executable jar) runs with unless its
 * environment says otherwise: Spring's default properties, the lowest precedence of all, so that every one of them is
 * replaced by an environment variable or an argument of the same name. The safe production values, not the local
 * stack's: acknowledged by every in-sync replica, idempotent producer, a new group reads the log from the start,
 * graceful shutdown, probes and Prometheus exposed, JSON log lines (deploy/PRODUCTION-SETTINGS.md lists where each
 * one is set). The local stack, with both services in one context, keeps its own application.yml (adr/0001).
 */
public final class ServiceDefaults {

    private ServiceDefaults() {
    }

    /**
     * @param name      the service's {@code spring.application.name}, which also names its log lines and metrics
     * @param readiness the health contributors that take an instance out of rotation when DOWN
     */
    public static Map<String, Object> of(String name, String readiness) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.application.name", name);
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("axon.axonserver.enabled", "false");
        defaults.put("axon.update-check.disabled", "true");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.roles", "OPERATOR");
        defaults.put("management.endpoint.health.group.readiness.include", readiness);
        defaults.put("management.metrics.tags.application", name);
        // one JSON object per line (Elastic Common Schema), the request's correlationId among its fields
        defaults.put("logging.structured.format.console", "ecs");
        return defaults;
    }
}
