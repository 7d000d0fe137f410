package com.acme.governance.command.access.provisioning;

import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.KafkaAclBinding;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.command.access.RecordAccessDeprovisioned;
import com.acme.governance.command.access.RecordAccessDriftRepaired;
import com.acme.governance.command.access.RecordAccessProvisioned;
import com.acme.governance.command.access.drift.RecordAclDrift;
import com.acme.governance.edge.testing.EmbeddedMongo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Reconciliation against an in-memory cluster and the real ledger: what it repairs, reports and never touches. */
class AclReconcilerTest {

    private static final DataProductId ORDERS = DataProductId.of("sales.orders");
    private static final String GRANT = "5f0c6f4e-8a53-4c1e-9d1f-2b7f3c7f6a21";
    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    private static final KafkaAclBinding READ_ORDERS = new KafkaAclBinding("User:marketing",
            KafkaAclBinding.Resource.TOPIC, "sales.orders.v1", KafkaAclBinding.Pattern.LITERAL,
            KafkaAclBinding.Operation.READ);
    private static final AclBinding FOREIGN_ON_MANAGED_TOPIC = new AclBinding(
            new ResourcePattern(ResourceType.TOPIC, "sales.orders.v1", PatternType.LITERAL),
            new AccessControlEntry("User:bob", "*", AclOperation.READ, AclPermissionType.ALLOW));
    private static final AclBinding FOREIGN_ON_UNMANAGED_TOPIC = new AclBinding(
            new ResourcePattern(ResourceType.TOPIC, "hr.salaries.v1", PatternType.LITERAL),
            new AccessControlEntry("User:marketing", "*", AclOperation.READ, AclPermissionType.ALLOW));

    private final InMemoryCluster cluster = new InMemoryCluster(Set.of("sales.orders.v1"));
    private final RecordingCommands commands = new RecordingCommands();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private EmbeddedMongo mongo;
    private ProvisioningLedger ledger;
    private AccessProvisioner provisioner;

    @BeforeEach
    void setUp() {
        mongo = EmbeddedMongo.start();
        ledger = new ProvisioningLedger(mongo.client().getDatabase("events").getCollection("acl_provisioning"));
        provisioner = new AccessProvisioner(cluster, ledger, new FixedTopics(Map.of(ORDERS, List.of("sales.orders.v1"))),
                new TeamPrincipals(Map.of()),
                new KafkaAclProperties(true, Map.of(), 2, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
                        Duration.ZERO, false),
                commands.gateway, meters);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private AclReconciler reconciler(boolean removeUnexpected) {
        return new AclReconciler(cluster, ledger, provisioner, commands.gateway,
                EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(),
                removeUnexpected, Clock.fixed(START, ZoneOffset.UTC), meters);
    }

    @Test
    void aBindingDeletedBehindTheServicesBackIsCreatedAgainAndRecordedOnItsGrant() throws Exception {
        provisioner.on(granted(), "e-1");
        cluster.remove(READ_ORDERS);

        DriftReport report = reconciler(false).reconcile();

        assertThat(report.restored()).containsExactly(READ_ORDERS);
        assertThat(cluster.ours()).contains(READ_ORDERS);
        assertThat(commands.of(RecordAccessDriftRepaired.class)).singleElement()
                .satisfies(repaired -> assertThat(repaired.restored()).containsExactly(READ_ORDERS));
        assertThat(meters.get("governance.acl.drift.repaired").counter().count()).isEqualTo(1);
    }

    @Test
    void aForeignBindingOnAManagedTopicIsReportedRecordedAndLeftAlone() throws Exception {
        provisioner.on(granted(), "e-1");
        cluster.add(FOREIGN_ON_MANAGED_TOPIC);

        DriftReport report = reconciler(false).reconcile();

        assertThat(report.unexpected()).containsExactly("User:bob READ TOPIC sales.orders.v1 (LITERAL) ALLOW from *");
        assertThat(report.unexpectedRemoved()).isFalse();
        assertThat(cluster.raw()).contains(FOREIGN_ON_MANAGED_TOPIC);
        assertThat(commands.of(RecordAclDrift.class)).singleElement()
                .satisfies(drift -> assertThat(drift.unexpected()).containsExactlyElementsOf(report.unexpected()));
        assertThat(meters.get("governance.acl.drift.unexpected").gauge().value()).isEqualTo(1);
        assertThat(report.restored()).isEmpty();
    }

    @Test
    void aForeignBindingOnAManagedTopicIsRemovedWhereConfigured() throws Exception {
        provisioner.on(granted(), "e-1");
        cluster.add(FOREIGN_ON_MANAGED_TOPIC);

        DriftReport report = reconciler(true).reconcile();

        assertThat(report.unexpectedRemoved()).isTrue();
        assertThat(cluster.raw()).doesNotContain(FOREIGN_ON_MANAGED_TOPIC);
        assertThat(cluster.ours()).contains(READ_ORDERS);
    }

    @Test
    void bindingsOutsideTheManagedTopicsAndGroupsAreNeverTouchedNorReported() throws Exception {
        provisioner.on(granted(), "e-1");
        cluster.add(FOREIGN_ON_UNMANAGED_TOPIC);

        DriftReport report = reconciler(true).reconcile();

        assertThat(report.unexpected()).isEmpty();
        assertThat(cluster.raw()).contains(FOREIGN_ON_UNMANAGED_TOPIC);
        assertThat(commands.of(RecordAclDrift.class)).as("a clean cluster opens no drift ledger").isEmpty();
    }

    @Test
    void aProvisioningThatFailedIsDoneByTheNextReconciliation() throws Exception {
        cluster.failNext(Integer.MAX_VALUE, new IllegalStateException("broker not available"));
        provisioner.on(granted(), "e-1");
        cluster.failNext(0, null);

        reconciler(false).reconcile();

        assertThat(cluster.ours()).contains(READ_ORDERS);
        assertThat(commands.of(RecordAccessProvisioned.class)).singleElement()
                .satisfies(provisioned -> assertThat(provisioned.causeEventId()).isEqualTo("e-1"));
    }

    @Test
    void aDeprovisioningThatFailedIsDoneByTheNextReconciliation() throws Exception {
        provisioner.on(granted(), "e-1");
        cluster.failNext(Integer.MAX_VALUE, new IllegalStateException("broker not available"));
        provisioner.on(new AccessGrantRevoked(GRANT, ORDERS, "carol", "misuse"), "e-2");
        cluster.failNext(0, null);

        DriftReport report = reconciler(false).reconcile();

        assertThat(report.deprovisioned()).containsExactly(GRANT);
        assertThat(cluster.ours()).isEmpty();
        assertThat(commands.of(RecordAccessDeprovisioned.class)).singleElement()
                .satisfies(deprovisioned -> assertThat(deprovisioned.causeEventId()).isEqualTo("e-2"));
        assertThat(reconciler(false).reconcile().unexpected()).as("nothing left behind").isEmpty();
    }

    private static AccessGranted granted() {
        return new AccessGranted(GRANT, ORDERS, "marketing", START, START.plus(Duration.ofDays(30)));
    }
}
