package com.acme.governance.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged stack is killed with {@code kill -9} while the provisioner works through a backlog of grants, some
 * provisioned, some with their ACLs created but not yet recorded, some not started; after the restart every grant
 * is provisioned, each binding exists once on the cluster and each grant's {@code AccessProvisioned} is recorded once.
 */
class KafkaAclCrashIT {

    private static final int GRANTS = 30;
    private static final String TOPIC = "sales.crash-orders.v1";

    @TempDir
    Path dir;

    @Test
    void provisioningCutShortByKillMinus9IsFinishedOnceAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        LauncherProcess.Ports ports = LauncherProcess.Ports.free();
        LauncherProcess first = LauncherProcess.start(data, ports).awaitHealthy();
        List<String> grants = new ArrayList<>();
        long provisionedAtKill;
        try {
            Api api = new Api(ports.http());
            createTopic(ports.kafka());
            publishProductWithTheTopic(api.as("alice"));
            // granted faster than the provisioner creates ACLs, so that a backlog builds up
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<String>> granting = new ArrayList<>();
            for (int i = 0; i < GRANTS; i++) {
                int n = i;
                granting.add(clients.submit(() -> granted(api, n)));
            }
            for (Future<String> grant : granting) {
                grants.add(grant.get(1, TimeUnit.MINUTES));
            }
            clients.shutdown();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> provisioned(api) >= 1);
            provisionedAtKill = provisioned(api);
            first.kill(); // SIGKILL while the provisioner is part way through the backlog
        } finally {
            first.kill();
        }
        assertThat(provisionedAtKill).as("killed with grants still to provision").isLessThan(GRANTS);

        LauncherProcess second = LauncherProcess.start(data, ports).awaitHealthy();
        try {
            Api api = new Api(ports.http());
            try {
                await().atMost(Duration.ofMinutes(2)).until(() -> provisioned(api) == GRANTS);
            } catch (ConditionTimeoutException stalled) {
                throw new AssertionError("not every grant provisioned after the restart; grants by provisioning "
                        + "state " + provisioningStates(api) + "\nthe provisioner's ledger of those not provisioned "
                        + "(none: it never saw their grant): " + ledgerNotProvisioned(ports.mongo())
                        + "\nwarnings:\n" + second.logLinesFinding(" (WARN|ERROR) ")
                        + "\ntail:\n" + second.logTail(), stalled);
            }
            Map<String, Long> recorded = provisionedEventsPerGrant(ports.mongo());
            System.out.printf("KafkaAclCrashIT: %d grants, provisioned when killed %d, AccessProvisioned per grant "
                    + "after the restart %s%n", GRANTS, provisionedAtKill, recorded.values().stream().distinct().toList());
            assertThat(grants).allSatisfy(grant -> assertThat(recorded.get(grant)).as(grant).isEqualTo(1L));

            Collection<AclBinding> marketing = aclsOfMarketing(ports.kafka());
            assertThat(marketing).as("READ and DESCRIBE on the topic, READ on the group prefix: once each")
                    .hasSize(3).doesNotHaveDuplicates();
        } finally {
            second.stop();
            second.kill();
        }
    }

    private static long provisioned(Api api) {
        Api.Response page = api.as("bob").get("/api/v1/access-grants?dataProductId=sales.crash-orders&size=100");
        if (page.status() != 200) {
            return 0;
        }
        long count = 0;
        for (var grant : page.json().path("items")) {
            if ("PROVISIONED".equals(grant.path("provisioning").asText())) {
                count++;
            }
        }
        return count;
    }

    private static Map<String, Long> provisioningStates(Api api) {
        Map<String, Long> states = new HashMap<>();
        Api.Response page = api.as("bob").get("/api/v1/access-grants?dataProductId=sales.crash-orders&size=100");
        page.json().path("items").forEach(grant -> states.merge(grant.path("provisioning").asText(), 1L, Long::sum));
        return states;
    }

    private static String granted(Api api, int i) {
        return Grants.requestedAndApproved(api, "sales.crash-orders", "report " + i, 30);
    }

    private static void publishProductWithTheTopic(Api.Caller alice) {
        Api.Response registered = alice.post("/api/v1/data-products", """
                {"domain": "sales", "name": "crash-orders", "title": "Orders", "ownerTeam": "sales",
                 "classification": "INTERNAL", "tags": [],
                 "outputPorts": [{"name": "events", "kind": "KAFKA_TOPIC", "address": "%s"}]}
                """.formatted(TOPIC));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(alice.post("/api/v1/data-products/sales.crash-orders/publish", "").status()).isEqualTo(200);
    }

    private static void createTopic(int kafkaPort) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Collection<AclBinding> aclsOfMarketing(int kafkaPort) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort))) {
            return admin.describeAcls(new AclBindingFilter(ResourcePatternFilter.ANY, new AccessControlEntryFilter(
                    "User:marketing", null, AclOperation.ANY, AclPermissionType.ANY))).values().get(30, TimeUnit.SECONDS);
        }
    }

    /** The provisioner's own record of the grants it has not finished, to tell a missed grant from a stuck one. */
    private static List<String> ledgerNotProvisioned(int mongoPort) {
        List<String> pending = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            client.getDatabase("governance_events").getCollection("acl_provisioning")
                    .find(new org.bson.Document("provisioned", new org.bson.Document("$ne", true)))
                    .forEach(grant -> pending.add(grant.toJson()));
        }
        return pending;
    }

    private static Map<String, Long> provisionedEventsPerGrant(int mongoPort) {
        Map<String, Long> counts = new HashMap<>();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            client.getDatabase("governance_events").getCollection("domainevents")
                    .find(Filters.eq("payloadType", "com.acme.governance.api.access.AccessProvisioned"))
                    .forEach(event -> counts.merge(event.getString("aggregateIdentifier"), 1L, Long::sum));
        }
        return counts;
    }
}
