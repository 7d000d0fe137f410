package com.acme.governance.local;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A team's consumer on the local broker's TEAMS listener (SASL/PLAIN), subscribed to one topic, as a team's own
 * application would read a product it was granted. Polled on the calling thread only: consumers are not
 * thread-safe, and Awaitility would poll them on another.
 */
final class TeamConsumer implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, String> consumer;

    private TeamConsumer(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    static TeamConsumer of(LocalKafkaBroker broker, String user, String password, String group, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.teamsBootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name);
        config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + user + "\" password=\"" + password + "\";");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // nothing committed: every consumer of a test meets the topic's first record, not an offset past it
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return new TeamConsumer(consumer);
    }

    /** The demo team's own login, as {@link LocalKafkaBroker#TEAM_USERS} defines it. */
    static TeamConsumer ofTeam(LocalKafkaBroker broker, String team, String group, String topic) {
        LocalKafkaBroker.TeamUser user = LocalKafkaBroker.TEAM_USERS.stream()
                .filter(candidate -> candidate.name().equals(team)).findFirst().orElseThrow();
        return of(broker, user.name(), user.password(), group, topic);
    }

    /**
     * Polls until poll throws, which is how a consumer reports a denial or a failed login: the first polls may
     * return nothing while the request is under way. A record arriving instead fails the test at once.
     */
    KafkaException nextFailure() {
        AtomicReference<KafkaException> failure = new AtomicReference<>();
        await().atMost(TIMEOUT).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
            try {
                assertThat(consumer.poll(POLL)).as("records polled while access should be denied").isEmpty();
                return false;
            } catch (KafkaException e) {
                failure.set(e);
                return true;
            }
        });
        return failure.get();
    }

    /** Polls until records arrive; any denial on the way fails the test. */
    List<ConsumerRecord<String, String>> firstRecords() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(TIMEOUT).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
            consumer.poll(POLL).forEach(records::add);
            return !records.isEmpty();
        });
        return records;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
