package com.acme.governance.command.access.provisioning;

import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.KafkaAclBinding;
import com.acme.governance.api.access.ProvisioningStep;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.command.access.RecordAccessDeprovisioned;
import com.acme.governance.command.access.RecordAccessProvisioned;
import com.acme.governance.command.access.RecordProvisioningFailed;
import com.acme.governance.edge.testing.EmbeddedMongo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provisioner against a cluster that keeps its ACLs in memory (the broker's own semantics: creating a binding that
 * exists and deleting one that does not are no-ops) and the real ledger on a MongoDB-wire server. The real broker,
 * with its authorizer, is {@code KafkaAclEnforcementIT}'s.
 */
class AccessProvisionerTest {

    private static final DataProductId ORDERS = DataProductId.of("sales.orders");
    private static final DataProductId RETURNS = DataProductId.of("sales.returns");
    private static final String R1 = "5f0c6f4e-8a53-4c1e-9d1f-2b7f3c7f6a11";
    private static final String R2 = "5f0c6f4e-8a53-4c1e-9d1f-2b7f3c7f6a12";
    private static final String R9 = "5f0c6f4e-8a53-4c1e-9d1f-2b7f3c7f6a19";
    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    private final InMemoryCluster cluster = new InMemoryCluster(Set.of("sales.orders.v1", "sales.shared.v1"));
    private final Map<DataProductId, List<String>> ports = new HashMap<>();
    private final RecordingCommands commands = new RecordingCommands();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Object> recorded = commands.recorded;
    private EmbeddedMongo mongo;
    private ProvisioningLedger ledger;
    private AccessProvisioner provisioner;

    @BeforeEach
    void setUp() {
        mongo = EmbeddedMongo.start();
        ledger = new ProvisioningLedger(mongo.client().getDatabase("events").getCollection("acl_provisioning"));
        ports.put(ORDERS, List.of("sales.orders.v1", "sales.shared.v1", "warehouse.orders"));
        ports.put(RETURNS, List.of("sales.shared.v1"));
        provisioner = new AccessProvisioner(cluster, ledger, new FixedTopics(ports), new TeamPrincipals(Map.of()),
                new KafkaAclProperties(true, Map.of(), 3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
                        Duration.ZERO, false),
                commands.gateway, meters);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aGrantCreatesReadAndDescribeOnEachTopicAndReadOnTheTeamsGroupsAndSaysSo() throws Exception {
        provisioner.on(granted(R1, ORDERS), "e-1");

        assertThat(cluster.ours()).containsExactlyInAnyOrder(
                topic("sales.orders.v1", KafkaAclBinding.Operation.READ),
                topic("sales.orders.v1", KafkaAclBinding.Operation.DESCRIBE),
                topic("sales.shared.v1", KafkaAclBinding.Operation.READ),
                topic("sales.shared.v1", KafkaAclBinding.Operation.DESCRIBE),
                group());
        assertThat(recorded).singleElement().isInstanceOfSatisfying(RecordAccessProvisioned.class, provisioned -> {
            assertThat(provisioned.bindings()).containsExactlyInAnyOrderElementsOf(cluster.ours());
            assertThat(provisioned.unmanagedPorts()).as("no such topic on the cluster: reported, not guessed")
                    .containsExactly("warehouse.orders");
            assertThat(provisioned.causeEventId()).isEqualTo("e-1");
        });
    }

    @Test
    void aGrantSeenAgainAfterACrashLeavesEachBindingOnceAndReportsTheSameBindings() throws Exception {
        commands.failNext(new IllegalStateException("killed before the event was recorded"));
        assertThatThrownBy(() -> provisioner.on(granted(R1, ORDERS), "e-1"))
                .hasMessageContaining("killed before the event was recorded");
        Set<KafkaAclBinding> afterCrash = Set.copyOf(cluster.ours());

        provisioner.on(granted(R1, ORDERS), "e-1");

        assertThat(cluster.ours()).containsExactlyInAnyOrderElementsOf(afterCrash).hasSize(5);
        assertThat(cluster.creates).as("the second delivery asked again; the broker kept one of each").isEqualTo(2);
        assertThat(recorded).singleElement().isInstanceOf(RecordAccessProvisioned.class);
    }

    @Test
    void revokingOneOfTwoGrantsKeepsWhatTheOtherStillImplies() throws Exception {
        provisioner.on(granted(R1, ORDERS), "e-1");
        provisioner.on(granted(R2, RETURNS), "e-2");

        provisioner.on(new AccessGrantRevoked(R1, ORDERS, "carol", "misuse"), "e-3");

        assertThat(cluster.ours()).containsExactlyInAnyOrder(
                topic("sales.shared.v1", KafkaAclBinding.Operation.READ),
                topic("sales.shared.v1", KafkaAclBinding.Operation.DESCRIBE),
                group());
        assertThat(recorded.get(2)).isInstanceOfSatisfying(RecordAccessDeprovisioned.class, deprovisioned -> {
            assertThat(deprovisioned.removed()).containsExactlyInAnyOrder(
                    topic("sales.orders.v1", KafkaAclBinding.Operation.READ),
                    topic("sales.orders.v1", KafkaAclBinding.Operation.DESCRIBE));
            assertThat(deprovisioned.kept()).containsExactlyInAnyOrder(
                    topic("sales.shared.v1", KafkaAclBinding.Operation.READ),
                    topic("sales.shared.v1", KafkaAclBinding.Operation.DESCRIBE), group());
        });

        provisioner.on(new AccessGrantExpired(R2, RETURNS, START.plus(Duration.ofDays(30))), "e-4");

        assertThat(cluster.ours()).as("the last grant gone, nothing of the team's is left").isEmpty();
    }

    @Test
    void aStepThatKeepsFailingIsRecordedAsFailedWithTheClustersAnswerAndTheProcessorMovesOn() throws Exception {
        cluster.failNext(Integer.MAX_VALUE, new IllegalStateException("not authorized to alter ACLs"));

        provisioner.on(granted(R1, ORDERS), "e-1");

        assertThat(recorded).singleElement().isInstanceOfSatisfying(RecordProvisioningFailed.class, failed -> {
            assertThat(failed.step()).isEqualTo(ProvisioningStep.PROVISION);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.reason()).isEqualTo("IllegalStateException: not authorized to alter ACLs");
        });
        assertThat(meters.get("governance.acl.provisioning.failed").tag("step", "PROVISION").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aStepThatFailsLessOftenThanItsAttemptsSucceeds() throws Exception {
        cluster.failNext(2, new IllegalStateException("broker not available"));

        provisioner.on(granted(R1, ORDERS), "e-1");

        assertThat(recorded).singleElement().isInstanceOf(RecordAccessProvisioned.class);
        assertThat(cluster.ours()).hasSize(5);
    }

    @Test
    void aGrantThatWasNeverProvisionedEndsWithNothingRemoved() throws Exception {
        provisioner.on(new AccessGrantRevoked(R9, ORDERS, "carol", "before provisioning was on"), "e-9");

        assertThat(recorded).singleElement().isInstanceOfSatisfying(RecordAccessDeprovisioned.class,
                deprovisioned -> assertThat(deprovisioned.removed()).isEmpty());
    }

    private static AccessGranted granted(String requestId, DataProductId product) {
        return new AccessGranted(requestId, product, "marketing", START, START.plus(Duration.ofDays(30)));
    }

    private static KafkaAclBinding topic(String name, KafkaAclBinding.Operation operation) {
        return new KafkaAclBinding("User:marketing", KafkaAclBinding.Resource.TOPIC, name,
                KafkaAclBinding.Pattern.LITERAL, operation);
    }

    private static KafkaAclBinding group() {
        return new KafkaAclBinding("User:marketing", KafkaAclBinding.Resource.GROUP, "marketing.",
                KafkaAclBinding.Pattern.PREFIXED, KafkaAclBinding.Operation.READ);
    }
}
