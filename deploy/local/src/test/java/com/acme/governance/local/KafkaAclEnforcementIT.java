package com.acme.governance.local;

import com.acme.governance.edge.testing.MovableClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Grants are real on Kafka (issue 11): the broker runs the KRaft authorizer, team marketing logs in on the teams'
 * listener, and it reads sales' topic exactly while a grant holds, whatever ends the grant: revocation, expiry,
 * the product's retirement.
 */
@SpringBootTest(classes = {GovernanceLocalApplication.class, MovableTime.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "governance.command.deadline-poll-interval=200ms")
class KafkaAclEnforcementIT extends LocalStackSupport {

    private static final Duration PROVISIONED_WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;

    @Autowired
    private MovableClock clock;

    private Api.Caller alice;
    private Api.Caller bob;
    private String product;
    private String topic;

    @BeforeEach
    void aPublishedProductWhoseTopicHoldsARecord() throws Exception {
        Api api = new Api(port);
        alice = api.as("alice");
        bob = api.as("bob");
        String name = "orders" + UUID.randomUUID().toString().substring(0, 8);
        product = "sales." + name;
        topic = product + ".v1";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "order-1", "placed")).get(30, TimeUnit.SECONDS);
        }
        Api.Response registered = alice.post("/api/v1/data-products", """
                {"domain": "sales", "name": "%s", "title": "Orders", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [],
                 "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "%s"},
                                 {"name": "archive", "kind": "KAFKA_TOPIC", "address": "elsewhere.orders"}]}
                """.formatted(name, topic));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(alice.post("/api/v1/data-products/" + product + "/publish", "").status()).isEqualTo(200);
    }

    @Test
    void deniedBeforeTheGrantReadsWhileItHoldsDeniedOnceItIsRevoked() {
        assertDenied();

        String grant = granted(30);
        JsonNode provisioned = awaitProvisioning(grant, "PROVISIONED");
        assertThat(provisioned.path("aclBindings")).extracting(JsonNode::toString).hasSize(3);
        assertThat(provisioned.path("unmanagedPorts").get(0).asText())
                .as("not a topic on the managed cluster: reported, not guessed").isEqualTo("elsewhere.orders");
        assertReads();

        Api.Response revoked = alice.post("/api/v1/access-grants/" + grant + "/revoke", "{\"reason\": \"misuse\"}");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        awaitProvisioning(grant, "DEPROVISIONED");
        assertDenied();

        await().atMost(PROVISIONED_WITHIN).untilAsserted(() -> assertThat(historyTypes(grant)).containsSubsequence(
                "governance.access-grant.granted.v1", "governance.access-grant.provisioned.v1",
                "governance.access-grant.revoked.v1", "governance.access-grant.deprovisioned.v1"));
    }

    @Test
    void deniedAgainOnceTheGrantExpires() {
        String grant = granted(1);
        awaitProvisioning(grant, "PROVISIONED");
        assertReads();

        clock.advance(Duration.ofDays(1).plusMinutes(1));

        await().atMost(PROVISIONED_WITHIN).untilAsserted(() -> assertThat(
                bob.get("/api/v1/access-grants/" + grant).json().path("status").asText()).isEqualTo("EXPIRED"));
        awaitProvisioning(grant, "DEPROVISIONED");
        assertDenied();
    }

    @Test
    void deniedAgainOnceTheProductRetires() {
        String grant = granted(30);
        awaitProvisioning(grant, "PROVISIONED");
        assertReads();

        assertThat(alice.post("/api/v1/data-products/" + product + "/deprecate", "{\"reason\": \"replaced\"}")
                .status()).isEqualTo(200);
        assertThat(alice.post("/api/v1/data-products/" + product + "/retire", "{\"reason\": \"gone\"}").status())
                .isEqualTo(200);

        awaitProvisioning(grant, "DEPROVISIONED");
        assertDenied();
    }

    @Test
    void theReconcilerRestoresADeletedBindingReportsAForeignOneAndLeavesBothAloneElsewhere() throws Exception {
        String grant = granted(30);
        awaitProvisioning(grant, "PROVISIONED");
        AclBinding marketingReads = allow("User:marketing", topic, AclOperation.READ);
        AclBinding foreign = allow("User:logistics", topic, AclOperation.READ);
        AclBinding unmanaged = allow("User:logistics", "hr.salaries.v1", AclOperation.READ);
        try (Admin admin = admin()) {
            admin.deleteAcls(List.of(marketingReads.toFilter())).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(List.of(foreign, unmanaged)).all().get(30, TimeUnit.SECONDS);
            assertDenied();

            Api.Caller operator = new Api(port).as("admin");
            assertThat(alice.post("/api/v1/admin/acls/reconcile", "").status()).as("operators only").isEqualTo(403);
            Api.Response reconciled = operator.post("/api/v1/admin/acls/reconcile", "");
            assertThat(reconciled.status()).as(reconciled.toString()).isEqualTo(200);

            assertThat(reconciled.json().path("restored")).extracting(JsonNode::toString)
                    .anySatisfy(restored -> assertThat(restored).contains(topic).contains("\"READ\""));
            List<String> unexpected = new ArrayList<>();
            reconciled.json().path("unexpected").forEach(item -> unexpected.add(item.asText()));
            assertThat(unexpected).contains("User:logistics READ TOPIC " + topic + " (LITERAL) ALLOW from *")
                    .noneMatch(item -> item.contains("hr.salaries.v1"));
            assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS))
                    .as("restored, reported but left alone, never looked at")
                    .contains(marketingReads, foreign, unmanaged);
            assertThat(operator.get("/api/v1/admin/acls/drift").json().path("unexpected").toString())
                    .contains("User:logistics READ TOPIC " + topic);
            assertReads();
            await().atMost(PROVISIONED_WITHIN).untilAsserted(() -> assertThat(historyTypes(grant))
                    .contains("governance.access-grant.drift-repaired.v1"));

            admin.deleteAcls(List.of(foreign.toFilter(), unmanaged.toFilter())).all().get(30, TimeUnit.SECONDS);
        }
        assertThat(alice.post("/api/v1/access-grants/" + grant + "/revoke", "{\"reason\": \"done\"}").status())
                .isEqualTo(200);
        awaitProvisioning(grant, "DEPROVISIONED");
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers()));
    }

    private static AclBinding allow(String principal, String topicName, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topicName, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    private String granted(int days) {
        String id = Grants.requestedAndApproved(new Api(port), product, "campaigns", days);
        await().atMost(PROVISIONED_WITHIN).untilAsserted(() -> assertThat(
                bob.get("/api/v1/access-grants/" + id).json().path("status").asText()).isEqualTo("ACTIVE"));
        return id;
    }

    private JsonNode awaitProvisioning(String grant, String state) {
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(PROVISIONED_WITHIN).untilAsserted(() -> {
            JsonNode view = bob.get("/api/v1/access-grants/" + grant).json();
            seen.add(0, view);
            assertThat(view.path("provisioning").asText()).isEqualTo(state);
        });
        return seen.get(0);
    }

    private List<String> historyTypes(String grant) {
        List<String> types = new ArrayList<>();
        new Api(port).as("dave").get("/api/v1/audit/events?aggregateId=" + grant).json().path("items")
                .forEach(item -> types.add(item.path("type").asText()));
        return types;
    }

    private void assertDenied() {
        try (TeamConsumer marketing = TeamConsumer.ofTeam(broker(), "marketing", "marketing.reports", topic)) {
            assertThat(marketing.nextFailure()).isInstanceOfSatisfying(TopicAuthorizationException.class,
                    denied -> assertThat(denied.unauthorizedTopics()).containsExactly(topic));
        }
    }

    private void assertReads() {
        try (TeamConsumer marketing = TeamConsumer.ofTeam(broker(), "marketing", "marketing.reports", topic)) {
            assertThat(marketing.firstRecords()).extracting(ConsumerRecord::value).containsExactly("placed");
        }
    }
}
