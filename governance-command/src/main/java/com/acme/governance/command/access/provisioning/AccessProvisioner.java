package com.acme.governance.command.access.provisioning;

import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.KafkaAclBinding;
import com.acme.governance.api.access.ProvisioningStep;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.command.access.RecordAccessDeprovisioned;
import com.acme.governance.command.access.RecordAccessProvisioned;
import com.acme.governance.command.access.RecordProvisioningFailed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The process that makes a grant real on the Kafka cluster: its own tracking processor over the event store, so it
 * follows every grant in order, survives restarts and resumes where its stored position says. Each step first
 * updates the {@link ProvisioningLedger}, then calls the Admin API (idempotent on the broker), then records the
 * outcome on the grant through a command the aggregate records once: a crash between any two of these repeats the
 * step on restart without doubling a binding or an event. A step that fails after its retries is recorded as
 * {@code ProvisioningFailed} and the processor moves on; the reconciler takes it up again.
 */
@ProcessingGroup(AccessProvisioner.PROCESSING_GROUP)
public class AccessProvisioner {

    public static final String PROCESSING_GROUP = "access-provisioning";
    private static final Logger log = LoggerFactory.getLogger(AccessProvisioner.class);

    private final KafkaAcls acls;
    private final ProvisioningLedger ledger;
    private final ProductTopics productTopics;
    private final TeamPrincipals principals;
    private final Retrying retrying;
    private final CommandGateway commands;
    private final MeterRegistry failures;

    public AccessProvisioner(KafkaAcls acls, ProvisioningLedger ledger, ProductTopics productTopics,
                             TeamPrincipals principals, KafkaAclProperties properties, CommandGateway commands,
                             MeterRegistry meters) {
        this.acls = acls;
        this.ledger = ledger;
        this.productTopics = productTopics;
        this.principals = principals;
        this.retrying = new Retrying(properties.attempts(), properties.backoff(), properties.maxBackoff());
        this.commands = commands;
        this.failures = meters;
    }

    @EventHandler
    void on(AccessGranted event, @MessageIdentifier String eventId) throws InterruptedException {
        provisionActive(ledger.recordActive(event.requestId(), event.consumerTeam(), event.dataProductId().toString(),
                eventId));
    }

    /**
     * Creates the active grant's bindings and records it; also the reconciler's retry of a provisioning that failed.
     *
     * @return whether it was done (else it is recorded as failed)
     */
    boolean provisionActive(ProvisioningLedger.LedgerGrant grant) throws InterruptedException {
        DataProductId product = DataProductId.of(grant.dataProductId());
        List<String> ports = productTopics.of(product);
        List<String> topics = new ArrayList<>();
        Retrying.Failure failure = retrying.run(() -> {
            topics.clear();
            topics.addAll(acls.existingTopics(ports));
        });
        if (failure == null) {
            List<KafkaAclBinding> bindings = principals.bindings(grant.team(), topics);
            ledger.recordBindings(grant.requestId(), bindings);
            failure = retrying.run(() -> acls.create(bindings));
            if (failure == null) {
                List<String> unmanaged = ports.stream().filter(port -> !topics.contains(port)).toList();
                commands.sendAndWait(new RecordAccessProvisioned(AccessRequestId.of(grant.requestId()), bindings,
                        unmanaged, grant.grantedBy()));
                ledger.provisioned(grant.requestId());
                log.info("Access of {} to {} provisioned: {} bindings{}", grant.team(), product, bindings.size(),
                        unmanaged.isEmpty() ? "" : "; not topics on the managed cluster: " + unmanaged);
                return true;
            }
        }
        failed(grant.requestId(), product, ProvisioningStep.PROVISION, failure, grant.grantedBy());
        return false;
    }

    @EventHandler
    void on(AccessGrantRevoked event, @MessageIdentifier String eventId) throws InterruptedException {
        deprovision(event.requestId(), event.dataProductId(), eventId);
    }

    @EventHandler
    void on(AccessGrantExpired event, @MessageIdentifier String eventId) throws InterruptedException {
        deprovision(event.requestId(), event.dataProductId(), eventId);
    }

    private void deprovision(String requestId, DataProductId product, String eventId) throws InterruptedException {
        // a grant the ledger never saw (provisioning was off at its start) holds no bindings of ours
        ProvisioningLedger.LedgerGrant grant = ledger.end(requestId, eventId).orElse(
                new ProvisioningLedger.LedgerGrant(requestId, null, product.toString(), List.of(), null, eventId));
        deprovisionEnded(grant);
    }

    /**
     * Removes the ended grant's bindings but for those the team's other active grants imply, and records it; also
     * the reconciler's retry of a deprovisioning that failed.
     *
     * @return whether it was done (else it is recorded as failed)
     */
    boolean deprovisionEnded(ProvisioningLedger.LedgerGrant grant) throws InterruptedException {
        Set<KafkaAclBinding> stillImplied = grant.team() == null ? Set.of()
                : ledger.impliedByOtherActiveGrants(grant.team(), grant.requestId());
        List<KafkaAclBinding> removed = grant.bindings().stream().filter(binding -> !stillImplied.contains(binding))
                .toList();
        List<KafkaAclBinding> kept = grant.bindings().stream().filter(stillImplied::contains).toList();
        DataProductId product = DataProductId.of(grant.dataProductId());
        Retrying.Failure failure = retrying.run(() -> acls.delete(removed));
        if (failure != null) {
            failed(grant.requestId(), product, ProvisioningStep.DEPROVISION, failure, grant.endedBy());
            return false;
        }
        commands.sendAndWait(new RecordAccessDeprovisioned(AccessRequestId.of(grant.requestId()), removed, kept,
                grant.endedBy()));
        ledger.deprovisioned(grant.requestId());
        log.info("Access of grant {} to {} deprovisioned: {} bindings removed, {} kept for other grants",
                grant.requestId(), product, removed.size(), kept.size());
        return true;
    }

    private void failed(String requestId, DataProductId product, ProvisioningStep step, Retrying.Failure failure,
                        String eventId) {
        log.warn("Could not {} access of grant {} to {} after {} attempts: {}", step.name().toLowerCase(),
                requestId, product, failure.attempts(), failure.reason());
        Counter.builder("governance.acl.provisioning.failed").tag("step", step.name())
                .description("Provisioning steps recorded as failed after their retries; the reconciler tries again")
                .register(failures).increment();
        commands.sendAndWait(new RecordProvisioningFailed(AccessRequestId.of(requestId), step, failure.reason(),
                failure.attempts(), eventId));
    }
}
