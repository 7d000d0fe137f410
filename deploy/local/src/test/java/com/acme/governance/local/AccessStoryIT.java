package com.acme.governance.local;

import com.acme.governance.edge.testing.MovableClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The heart of governance, told as a story through the public API: a steward's policy, a team's request, the
 * approvals it needs, a grant that expires by itself when time moves on, and one revoked when its product retires.
 */
@SpringBootTest(classes = {GovernanceLocalApplication.class, MovableTime.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "governance.command.deadline-poll-interval=200ms")
class AccessStoryIT extends LocalStackSupport {

    private static final String CONFIDENTIAL_POLICY = """
            {"id": "confidential-data", "name": "Confidential data", "scope": {"domain": null},
             "rules": [{"when": {"classifications": ["CONFIDENTIAL", "RESTRICTED"], "tags": []},
                        "then": {"requiredApprovals": ["OWNER", "STEWARD"], "maxGrantDays": 30, "purposeRequired": true}}]}
            """;

    @LocalServerPort
    private int port;

    @Autowired
    private MovableClock clock;

    @Test
    void policyRequestApprovalsExpiryAndRevocation() {
        Api api = new Api(port);
        Api.Caller alice = api.as("alice");
        Api.Caller bob = api.as("bob");
        Api.Caller carol = api.as("carol");

        Api.Response zeroDays = carol.post("/api/v1/policies", CONFIDENTIAL_POLICY.replace("\"maxGrantDays\": 30",
                "\"maxGrantDays\": 0"));
        assertThat(zeroDays.status()).as(zeroDays.toString()).isEqualTo(400);
        Api.Response noApprovals = carol.post("/api/v1/policies", CONFIDENTIAL_POLICY.replace("[\"OWNER\", \"STEWARD\"]",
                "[]"));
        assertThat(noApprovals.status()).as(noApprovals.toString()).isEqualTo(400);
        assertThat(carol.post("/api/v1/policies", CONFIDENTIAL_POLICY).status()).isEqualTo(201);
        assertThat(carol.post("/api/v1/policies", CONFIDENTIAL_POLICY).status()).as("duplicate id").isEqualTo(409);
        assertThat(alice.post("/api/v1/policies", CONFIDENTIAL_POLICY.replace("confidential-data", "mine")).status())
                .as("only stewards define policies").isEqualTo(403);
        registerAndPublish(alice, "sales", "orders");

        Api.Response tooLong = bob.post("/api/v1/access-requests", request("sales.orders", "campaign attribution", 90));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("durationDays");
        Api.Response noPurpose = bob.post("/api/v1/access-requests", request("sales.orders", null, 30));
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.json().path("errors").get(0).path("field").asText()).isEqualTo("purpose");

        Api.Response requested = bob.post("/api/v1/access-requests", request("sales.orders", "campaign attribution", 30));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().path("id").asText();
        assertThat(requested.header("Location")).hasValue("/api/v1/access-requests/" + id);

        assertThat(bob.post("/api/v1/access-requests/" + id + "/approve", "").status())
                .as("nobody approves their own request").isEqualTo(403);
        Api.Response ownerApproved = alice.post("/api/v1/access-requests/" + id + "/approve", "");
        assertThat(ownerApproved.status()).isEqualTo(200);
        JsonNode pending = alice.getAfter(ownerApproved, "/api/v1/access-requests/" + id).json();
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("approvals").get(0).path("principal").asText()).isEqualTo("alice");
        assertThat(pending.path("approvals").get(0).path("role").asText()).isEqualTo("OWNER");
        assertThat(ids(carol.getAfter(ownerApproved, "/api/v1/access-requests?awaitingMyApproval=true"))).contains(id);
        assertThat(ids(alice.getAfter(ownerApproved, "/api/v1/access-requests?awaitingMyApproval=true")))
                .doesNotContain(id);

        Api.Response stewardApproved = carol.post("/api/v1/access-requests/" + id + "/approve", "");
        assertThat(stewardApproved.status()).isEqualTo(200);
        JsonNode granted = bob.getAfter(stewardApproved, "/api/v1/access-requests/" + id).json();
        assertThat(granted.path("status").asText()).isEqualTo("GRANTED");
        JsonNode grant = bob.getAfter(stewardApproved, "/api/v1/access-grants/" + id).json();
        assertThat(grant.path("status").asText()).isEqualTo("ACTIVE");
        Instant startsAt = Instant.parse(grant.path("startsAt").asText());
        assertThat(Instant.parse(grant.path("expiresAt").asText())).isEqualTo(startsAt.plus(Duration.ofDays(30)));

        Api.Response amended = carol.put("/api/v1/policies/confidential-data", CONFIDENTIAL_POLICY
                .replace("\"id\": \"confidential-data\", ", "")
                .replace("\"maxGrantDays\": 30", "\"maxGrantDays\": 14")
                .replace("\"rules\"", "\"rationale\": \"two weeks are enough\", \"rules\""), "If-Match", "\"1\"");
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(carol.getAfter(amended, "/api/v1/policies/confidential-data").json().path("version").asInt())
                .isEqualTo(2);
        assertThat(carol.getAfter(amended, "/api/v1/policies/confidential-data/versions").json()).hasSize(2);
        JsonNode decision = bob.get("/api/v1/access-requests/" + id).json().path("decision");
        assertThat(decision.path("policies").get(0).path("policyId").asText()).isEqualTo("confidential-data");
        assertThat(decision.path("policies").get(0).path("version").asInt()).as("decided under version 1").isEqualTo(1);
        assertThat(decision.path("maxGrantDays").asInt()).isEqualTo(30);

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(bob.get("/api/v1/access-grants/" + id).json().path("status").asText()).isEqualTo("EXPIRED"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(bob.get("/api/v1/access-requests/" + id).json().path("status").asText()).isEqualTo("EXPIRED"));

        Api.Response second = bob.post("/api/v1/access-requests", request("sales.orders", "churn model", 14));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        String secondId = second.json().path("id").asText();
        assertThat(alice.post("/api/v1/access-requests/" + secondId + "/approve", "").status()).isEqualTo(200);
        Api.Response secondGranted = carol.post("/api/v1/access-requests/" + secondId + "/approve", "");
        assertThat(bob.getAfter(secondGranted, "/api/v1/access-grants/" + secondId).json().path("status").asText())
                .isEqualTo("ACTIVE");
        assertThat(carol.post("/api/v1/data-products/sales.orders/deprecate", "{\"reason\": \"to be replaced\"}")
                .status()).isEqualTo(200);
        assertThat(carol.post("/api/v1/data-products/sales.orders/retire", "{\"reason\": \"replaced\"}").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                bob.get("/api/v1/access-grants/" + secondId).json().path("status").asText()).isEqualTo("REVOKED"));
    }

    @Test
    void fiftyConcurrentApprovalsYieldExactlyOneGrant() throws Exception {
        Api api = new Api(port);
        Api.Caller carol = api.as("carol");
        // its own policy, scoped to its own domain, so that the story above is decided as it tells
        assertThat(carol.post("/api/v1/policies", CONFIDENTIAL_POLICY
                .replace("confidential-data", "finance-data")
                .replace("{\"domain\": null}", "{\"domain\": \"finance\"}")).status()).isEqualTo(201);
        registerAndPublish(api.as("alice"), "finance", "payments");
        Api.Response requested = api.as("bob").post("/api/v1/access-requests",
                request("finance.payments", "fraud analysis", 14));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().path("id").asText();

        List<String> approvers = List.of("alice", "erin", "carol");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Api.Caller approver = api.as(approvers.get(i % approvers.size()));
                Callable<Api.Response> approve = () -> approver.post("/api/v1/access-requests/" + id + "/approve", "");
                answers.add(pool.submit(approve));
            }
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isIn(200, 403, 409);
            }
        } finally {
            pool.shutdownNow();
        }

        try (GovernanceTopicReader topic = new GovernanceTopicReader(broker().bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    GovernanceTopicReader.ofKey(topic.poll(seen), id).stream()
                            .map(r -> GovernanceTopicReader.header(r, "ce_type"))
                            .filter("governance.access-grant.granted.v1"::equals)).hasSize(1));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.as("bob")
                .get("/api/v1/access-grants?dataProductId=finance.payments").json().path("total").asInt()).isEqualTo(1));
    }

    private static void registerAndPublish(Api.Caller owner, String domain, String name) {
        Api.Response registered = owner.post("/api/v1/data-products", """
                {"domain": "%s", "name": "%s", "title": "Orders", "ownerTeam": "sales",
                 "classification": "CONFIDENTIAL", "tags": ["pii"], "outputPorts": []}
                """.formatted(domain, name));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(owner.post("/api/v1/data-products/" + domain + "." + name + "/publish", "").status())
                .isEqualTo(200);
    }

    private static String request(String product, String purpose, int days) {
        return """
                {"dataProductId": "%s", "consumerTeam": "marketing", "purpose": %s, "durationDays": %d}
                """.formatted(product, purpose == null ? "null" : "\"" + purpose + "\"", days);
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
