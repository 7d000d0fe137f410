package com.acme.governance.command.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code Idempotency-Key} on commands (ADR 0010).
 *
 * @param retention      how long a command's answer is kept and replayed for its key
 * @param pendingTimeout how long a key whose first request has not answered yet (a crash, a hung command) blocks
 *                       its repetitions; after it, the key is free again. Longer than any command takes
 * @param cleanupInterval how often expired keys are deleted (a TTL index does it too where the server has one)
 * @param maxBodySize    the largest body held in memory to compare repetitions; a larger one with a key is refused
 */
@ConfigurationProperties("governance.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
                                    @DefaultValue("30s") Duration pendingTimeout,
                                    @DefaultValue("10m") Duration cleanupInterval,
                                    @DefaultValue("2MB") DataSize maxBodySize) {
}
