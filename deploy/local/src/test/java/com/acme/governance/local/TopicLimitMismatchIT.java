package com.acme.governance.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An existing topic that accepts smaller records than the command side lets through would stop the relay at the
 * first large event: the relay refuses to work with it and says why in health, before any event is at stake.
 */
@SpringBootTest(classes = GovernanceLocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "governance.kafka.sweep-interval=1s")
class TopicLimitMismatchIT extends LocalStackSupport {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void aTopicThatAcceptsLessThanTheConfiguredMaximum() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("governance.events", 3, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100000")))).all().get();
        }
    }

    @Test
    void theRelayReportsATopicThatWouldRefuseEvents() {
        Api.Caller admin = new Api(port).as("admin");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response health = admin.get("/actuator/health/relay");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().path("details").path("reason").asText()).contains("max.message.bytes");
        });
    }
}
