package com.acme.governance.query.rebuild;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code projectionRebuild}: UP whatever the rebuild does, since the live read models keep serving through it; its
 * details name the latest rebuild, its status, and whether it is interrupted (its owner silent for longer than the
 * lease, so that an instance is about to resume it).
 */
public class ProjectionRebuildHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionRebuilds rebuilds;
    private final Duration lease;

    public ProjectionRebuildHealthIndicator(ProjectionRebuilds rebuilds, Duration lease) {
        super("projection rebuild check failed");
        this.rebuilds = rebuilds;
        this.lease = lease;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        rebuilds.latest().ifPresent(latest -> builder.withDetail("rebuild", latest.id())
                .withDetail("status", latest.status().name())
                .withDetail("interrupted", latest.interrupted(Instant.now(), lease))
                .withDetail("targetGeneration", latest.targetGeneration()));
    }
}
