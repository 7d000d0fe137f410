package com.acme.governance.command.access.provisioning;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health component {@code kafkaAcls}: grants whose ACLs are not (or no longer) as they should be, and what the latest
 * reconciliation found unexpected. Always UP: the reconciler repairs what it can, and a grant's access must not
 * take the service out of rotation; operators read the details, the metrics and the warnings.
 */
public class KafkaAclsHealthIndicator extends AbstractHealthIndicator {

    private final ProvisioningLedger ledger;
    private final DriftReports reports;

    public KafkaAclsHealthIndicator(ProvisioningLedger ledger, DriftReports reports) {
        super("Kafka ACL provisioning state could not be read");
        this.ledger = ledger;
        this.reports = reports;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("grantsNotProvisioned", ledger.activeNotProvisioned().size())
                .withDetail("endedGrantsNotDeprovisioned", ledger.endedNotDeprovisioned().size());
        reports.latest().ifPresent(report -> builder
                .withDetail("lastReconciliation", report.checkedAt())
                .withDetail("unexpectedBindings", report.unexpected().size())
                .withDetail("reconciliationFailures", report.failures().size()));
    }
}
