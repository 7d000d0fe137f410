package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AccessGrantStatus;
import com.acme.governance.api.access.KafkaAclBinding;
import com.acme.governance.api.access.ProvisioningState;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;
import java.util.List;

/**
 * A grant as the read side answers it: its id is the id of the request it came from. Stored as such in
 * {@code access_grants} (through the driver's record codec), from the request on: without a status until it is granted
 * (see {@link AccessGrantProjection}).
 *
 * @param expiresAt  when it ends by itself, if nothing ends it earlier
 * @param expiredAt  when it did end by itself (EXPIRED only)
 * @param provisioning    whether its ACLs are in place on the Kafka cluster; PENDING from the grant on (and for as
 *                        long as provisioning is switched off)
 * @param aclBindings     the ACL bindings it implies, once provisioned
 * @param unmanagedPorts  its product's topic ports that are no topic on the managed cluster
 * @param provisionedAt   when its ACLs were recorded as created
 * @param deprovisionedAt when they were recorded as removed
 * @param provisioningFailure what the cluster answered to the last step that failed (FAILED only)
 * @param eventCount the number of events of the request's stream applied to it: bookkeeping, not in the answer
 */
public record AccessGrantView(@BsonId String id, String dataProductId, String consumerTeam, String ownerTeam, String purpose,
                              String requestedBy, AccessGrantStatus status, Instant startsAt, Instant expiresAt,
                              List<ApprovalView> approvals, AccessDecision decision, String revokedBy,
                              String revocationReason, Instant revokedAt, Instant expiredAt, Instant updatedAt,
                              ProvisioningState provisioning, List<KafkaAclBinding> aclBindings,
                              List<String> unmanagedPorts, Instant provisionedAt, Instant deprovisionedAt,
                              String provisioningFailure, @JsonIgnore long eventCount) {
}
