package com.acme.governance.command.access.provisioning;

import com.acme.governance.api.access.KafkaAclBinding;

import java.time.Instant;
import java.util.List;

/**
 * What one reconciliation found and did, as {@code GET /api/v1/admin/acls/drift} answers it.
 *
 * @param restored            bindings active grants imply that were missing, created again
 * @param unexpected          bindings on managed topics and group prefixes that no active grant implies
 * @param unexpectedRemoved   whether those were deleted ({@code remove-unexpected})
 * @param deprovisioned       ended grants whose earlier deprovisioning had failed, finished now
 * @param failures            what could not be done, for a later run
 */
public record DriftReport(Instant checkedAt, int activeGrants, int managedTopics, List<KafkaAclBinding> restored,
                          List<String> unexpected, boolean unexpectedRemoved, List<String> deprovisioned,
                          List<String> failures) {

    public DriftReport {
        restored = List.copyOf(restored);
        unexpected = List.copyOf(unexpected);
        deprovisioned = List.copyOf(deprovisioned);
        failures = List.copyOf(failures);
    }
}
