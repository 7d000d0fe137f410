package com.acme.governance.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.acme.governance.local.LocalKafkaBroker.TeamUser;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker enforces ACLs on its TEAMS listener: a team logs in with its SASL/PLAIN password and reads
 * a topic only while ACL bindings grant it, while the anonymous PLAINTEXT side (the services, and the admin here)
 * is a super user and is never checked.
 */
class LocalKafkaBrokerAuthorizationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TOPIC = "sales.orders.v1";
    private static final String GROUP = "marketing.app";
    private static final TeamUser MARKETING = LocalKafkaBroker.TEAM_USERS.stream()
            .filter(user -> user.name().equals("marketing"))
            .findFirst()
            .orElseThrow();

    @TempDir
    static Path dataDir;

    private static LocalKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBrokerWithARecordOnTheSalesTopic() throws Exception {
        broker = new LocalKafkaBroker(dataDir.resolve("kafka"), FreePort.find(), FreePort.find());
        broker.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "order-1", "registered")).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aTeamReadsAnotherTeamsTopicOnlyWhileItsAclsGrantIt() throws Exception {
        List<AclBinding> grants = List.of(
                allow(MARKETING, AclOperation.READ, new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL)),
                allow(MARKETING, AclOperation.DESCRIBE, new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL)),
                allow(MARKETING, AclOperation.READ, new ResourcePattern(ResourceType.GROUP, "marketing.", PatternType.PREFIXED)));

        try (TeamConsumer consumer = TeamConsumer.of(broker, MARKETING.name(), MARKETING.password(), GROUP, TOPIC)) {
            // The metadata response for the subscription comes back before the coordinator lookup for the group
            // fails, so the topic is reported first and the group only on the next poll: both need a grant.
            assertThat(consumer.nextFailure()).isInstanceOfSatisfying(TopicAuthorizationException.class,
                    denied -> assertThat(denied.unauthorizedTopics()).containsExactly(TOPIC));
            assertThat(consumer.nextFailure()).isInstanceOfSatisfying(GroupAuthorizationException.class,
                    denied -> assertThat(denied.groupId()).isEqualTo(GROUP));

            admin.createAcls(grants).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            // createAcls returns once the controller committed the records; the broker's authorizer applies them
            // from the metadata log afterwards. DescribeAcls is answered from that same authorizer on the broker,
            // so once it lists the grants, they are in force for the consumer too.
            await().atMost(TIMEOUT).untilAsserted(() ->
                    assertThat(aclsOf(MARKETING)).containsExactlyInAnyOrderElementsOf(grants));

            assertThat(consumer.firstRecords())
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("order-1", "registered"));

            List<AclBindingFilter> sameFilters = grants.stream().map(AclBinding::toFilter).toList();
            assertThat(admin.deleteAcls(sameFilters).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .containsExactlyInAnyOrderElementsOf(grants);
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(aclsOf(MARKETING)).isEmpty());

            // Every fetch is authorized on its own, so a consumer already in the group is cut off by its next
            // fetch, not only at its next join: the one in flight, authorized before, merely runs out first.
            assertThat(consumer.nextFailure()).isInstanceOfSatisfying(TopicAuthorizationException.class,
                    denied -> assertThat(denied.unauthorizedTopics()).containsExactly(TOPIC));
        }

        try (TeamConsumer newcomer = TeamConsumer.of(broker, MARKETING.name(), MARKETING.password(), GROUP, TOPIC)) {
            assertThat(newcomer.nextFailure()).isInstanceOfSatisfying(TopicAuthorizationException.class,
                    denied -> assertThat(denied.unauthorizedTopics()).containsExactly(TOPIC));
        }
    }

    @Test
    void aWrongPasswordFailsAuthentication() {
        try (TeamConsumer consumer = TeamConsumer.of(broker, MARKETING.name(), "not-" + MARKETING.password(), GROUP,
                TOPIC)) {
            assertThat(consumer.nextFailure())
                    .isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("Invalid username or password");
        }
    }

    private static AclBinding allow(TeamUser team, AclOperation operation, ResourcePattern resource) {
        return new AclBinding(resource, new AccessControlEntry(team.principal(), "*", operation, AclPermissionType.ALLOW));
    }

    private static List<AclBinding> aclsOf(TeamUser team) throws Exception {
        AclBindingFilter filter = new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter(team.principal(), null, AclOperation.ANY, AclPermissionType.ANY));
        return new ArrayList<>(admin.describeAcls(filter).values().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
}
