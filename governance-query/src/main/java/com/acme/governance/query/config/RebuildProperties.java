package com.acme.governance.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The projection rebuild and the generations it swaps (ADR 0026). Modules ship no application.yml, so every default
 * lives here.
 *
 * @param generationCache  how long an instance trusts the live generation it read; the swap waits it out twice
 *                         before its last drain, so that no instance still writes the old generation unseen
 * @param checkpoint       how often the rebuild stores its progress (and its owner's heartbeat)
 * @param progressLog      how often the rebuild logs its progress
 * @param lease            how long a rebuild's owner may stay silent before another instance (or its own restart)
 *                         takes the rebuild over and resumes it from the last checkpoint
 * @param retryFor         how long one record may keep failing in the rebuild before the rebuild fails (the live
 *                         models stay untouched; a new rebuild may be requested)
 */
@ConfigurationProperties("governance.query.rebuild")
public record RebuildProperties(
        @DefaultValue("1s") Duration generationCache,
        @DefaultValue("1s") Duration checkpoint,
        @DefaultValue("5s") Duration progressLog,
        @DefaultValue("15s") Duration lease,
        @DefaultValue("2m") Duration retryFor) {
}
