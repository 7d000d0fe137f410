package com.acme.governance.command.access.provisioning;

import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.KafkaAclBinding;
import com.acme.governance.command.access.RecordAccessDriftRepaired;
import com.acme.governance.command.access.drift.RecordAclDrift;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compares what the active grants imply with what the cluster holds, and repairs (adr/0033). The managed resources
 * are the topics and group prefixes in the provisioner's ledger; on them, a binding no active grant implies is
 * unexpected: reported, recorded in the drift ledger, and deleted only when configured. Bindings on any other
 * resource are never read into a finding, whoever they are for. A missing binding of an active grant is created
 * again and recorded on the grant; an ended grant whose deprovisioning failed is deprovisioned.
 */
public class AclReconciler {

    private static final Logger log = LoggerFactory.getLogger(AclReconciler.class);

    private final KafkaAcls acls;
    private final ProvisioningLedger ledger;
    private final AccessProvisioner provisioner;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final boolean removeUnexpected;
    private final Clock clock;
    private final AtomicInteger unexpectedNow = new AtomicInteger();
    private final Counter repaired;

    public AclReconciler(KafkaAcls acls, ProvisioningLedger ledger, AccessProvisioner provisioner,
                         CommandGateway commands, EventStore eventStore, boolean removeUnexpected, Clock clock,
                         MeterRegistry meters) {
        this.acls = acls;
        this.ledger = ledger;
        this.provisioner = provisioner;
        this.commands = commands;
        this.eventStore = eventStore;
        this.removeUnexpected = removeUnexpected;
        this.clock = clock;
        Gauge.builder("governance.acl.drift.unexpected", unexpectedNow, AtomicInteger::get)
                .description("ACL bindings on managed topics and group prefixes that no active grant implies, as the "
                        + "last reconciliation found them")
                .register(meters);
        this.repaired = Counter.builder("governance.acl.drift.repaired")
                .description("Missing ACL bindings of active grants that reconciliation created again")
                .register(meters);
    }

    public synchronized DriftReport reconcile() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> deprovisioned = finishFailedDeprovisionings(failures);
        finishFailedProvisionings(failures);

        List<ProvisioningLedger.LedgerGrant> active = ledger.provisionedGrants();
        Map<KafkaAclBinding, List<ProvisioningLedger.LedgerGrant>> expected = new LinkedHashMap<>();
        for (ProvisioningLedger.LedgerGrant grant : active) {
            grant.bindings().forEach(binding -> expected.computeIfAbsent(binding, any -> new ArrayList<>()).add(grant));
        }
        Set<ResourcePattern> managed = managedResources(ledger.allBindings());
        Collection<AclBinding> onCluster = acls.all();

        Set<KafkaAclBinding> present = new LinkedHashSet<>();
        List<AclBinding> unexpected = new ArrayList<>();
        for (AclBinding binding : onCluster) {
            if (!managed.contains(binding.pattern())) {
                continue;
            }
            Optional<KafkaAclBinding> ours = KafkaAcls.fromKafka(binding);
            if (ours.isPresent() && expected.containsKey(ours.get())) {
                present.add(ours.get());
            } else {
                unexpected.add(binding);
            }
        }

        List<KafkaAclBinding> missing = expected.keySet().stream().filter(binding -> !present.contains(binding))
                .toList();
        List<KafkaAclBinding> restored = restore(missing, expected, failures);
        boolean removed = removeUnexpected && !unexpected.isEmpty() && removeAll(unexpected, failures);
        List<String> described = unexpected.stream().map(AclReconciler::describe).sorted().toList();
        recordDrift(described, removed, failures);

        unexpectedNow.set(removed ? 0 : described.size());
        DriftReport report = new DriftReport(clock.instant(), active.size(),
                (int) managed.stream().filter(pattern -> pattern.resourceType() == ResourceType.TOPIC).count(),
                restored, described, removed, deprovisioned, failures);
        if (!restored.isEmpty() || !described.isEmpty() || !failures.isEmpty()) {
            log.warn("ACL drift: {} restored, {} unexpected{}, {} failures", restored.size(), described.size(),
                    removed ? " (removed)" : "", failures.size());
        }
        return report;
    }

    private List<String> finishFailedDeprovisionings(List<String> failures) {
        List<String> finished = new ArrayList<>();
        for (ProvisioningLedger.LedgerGrant grant : ledger.endedNotDeprovisioned()) {
            try {
                if (provisioner.deprovisionEnded(grant)) {
                    finished.add(grant.requestId());
                }
            } catch (RuntimeException e) {
                failures.add("deprovision " + grant.requestId() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("deprovision " + grant.requestId() + ": interrupted");
            }
        }
        return finished;
    }

    private void finishFailedProvisionings(List<String> failures) {
        for (ProvisioningLedger.LedgerGrant grant : ledger.activeNotProvisioned()) {
            try {
                provisioner.provisionActive(grant);
            } catch (RuntimeException e) {
                failures.add("provision " + grant.requestId() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("provision " + grant.requestId() + ": interrupted");
            }
        }
    }

    private List<KafkaAclBinding> restore(List<KafkaAclBinding> missing,
                                          Map<KafkaAclBinding, List<ProvisioningLedger.LedgerGrant>> expected,
                                          List<String> failures) {
        if (missing.isEmpty()) {
            return List.of();
        }
        try {
            acls.create(missing);
        } catch (Exception e) {
            failures.add("restore " + missing.size() + " bindings: " + e.getMessage());
            return List.of();
        }
        repaired.increment(missing.size());
        Map<String, List<KafkaAclBinding>> byGrant = new LinkedHashMap<>();
        for (KafkaAclBinding binding : missing) {
            for (ProvisioningLedger.LedgerGrant grant : expected.get(binding)) {
                byGrant.computeIfAbsent(grant.requestId(), any -> new ArrayList<>()).add(binding);
            }
        }
        byGrant.forEach((requestId, restored) -> {
            try {
                commands.sendAndWait(new RecordAccessDriftRepaired(AccessRequestId.of(requestId), restored));
            } catch (RuntimeException e) {
                failures.add("record the repair of " + requestId + ": " + e.getMessage());
            }
        });
        return missing;
    }

    private boolean removeAll(List<AclBinding> unexpected, List<String> failures) {
        try {
            acls.deleteExactly(unexpected);
            return true;
        } catch (Exception e) {
            failures.add("remove " + unexpected.size() + " unexpected bindings: " + e.getMessage());
            return false;
        }
    }

    /** Into the drift ledger, which records only a change; a clean cluster opens no ledger. */
    private void recordDrift(List<String> unexpected, boolean removed, List<String> failures) {
        if (unexpected.isEmpty() && eventStore.lastSequenceNumberFor(RecordAclDrift.LEDGER).isEmpty()) {
            return;
        }
        try {
            commands.sendAndWait(RecordAclDrift.of(unexpected, removed));
        } catch (RuntimeException e) {
            failures.add("record the drift: " + e.getMessage());
        }
    }

    /** The topics (LITERAL) and group prefixes (PREFIXED) any grant ever implied: what the service manages. */
    private static Set<ResourcePattern> managedResources(Collection<KafkaAclBinding> bindings) {
        Set<ResourcePattern> managed = new LinkedHashSet<>();
        for (KafkaAclBinding binding : bindings) {
            managed.add(new ResourcePattern(ResourceType.valueOf(binding.resourceType().name()),
                    binding.resourceName(), PatternType.valueOf(binding.patternType().name())));
        }
        return managed;
    }

    static String describe(AclBinding binding) {
        return binding.entry().principal() + " " + binding.entry().operation() + " "
                + binding.pattern().resourceType() + " " + binding.pattern().name() + " ("
                + binding.pattern().patternType() + ") " + binding.entry().permissionType() + " from "
                + binding.entry().host();
    }
}
