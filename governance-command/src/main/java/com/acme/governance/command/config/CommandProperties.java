package com.acme.governance.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param mongoDatabase the database holding the event store, tracking tokens, sagas, deadlines and the policy catalog
 * @param conflictRetries how often a command that lost a race with another instance is retried on fresh state
 * @param deadlinePollInterval how often due deadlines (grant expiries) are looked for
 * @param catalogWait how long a policy change waits for the command side's policy catalog to apply it
 * @param trackingLookBack how far back every tracking processor over the event store (the relay, the policy catalog)
 *                         looks for events stored late: their timestamps are set by whichever instance applied them.
 *                         Axon's default is 1 s; longer tolerates more clock skew and slower writes, at the price of
 *                         larger tokens. It is the store's setting, not one processor's. The relay also repairs an
 *                         aggregate's stream by itself (see KafkaRelay).
 * @param cachedEvents how many of the latest events each embedded event store (the application's and the relay's)
 *                     keeps in memory for the processors that follow its head; one further behind reads from the
 *                     store itself, as it would anyway. Each cached event holds the tracking token before it, which
 *                     lists every event of the last {@code trackingLookBack}: a cache costs about cachedEvents x events
 *                     in that window x 50 bytes, so Axon's default of 10,000 held 650 MB of tokens at 10k events
 *                     stored (two stores, 10 s look-back). Fewer only moves a lagging processor to its own reads sooner.
 */
@ConfigurationProperties("governance.command")
public record CommandProperties(@DefaultValue("governance_events") String mongoDatabase,
                                @DefaultValue("3") int conflictRetries,
                                @DefaultValue("1s") Duration deadlinePollInterval,
                                @DefaultValue("5s") Duration catalogWait,
                                @DefaultValue("10s") Duration trackingLookBack,
                                @DefaultValue("1000") int cachedEvents) {
}
