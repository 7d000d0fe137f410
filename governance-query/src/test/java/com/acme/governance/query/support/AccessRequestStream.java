package com.acme.governance.query.support;

import com.acme.governance.api.access.AccessDeprovisioned;
import com.acme.governance.api.access.AccessProvisioned;
import com.acme.governance.api.access.KafkaAclBinding;
import com.acme.governance.api.access.ProvisioningFailed;
import com.acme.governance.api.access.ProvisioningStep;
import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessRequestApproved;
import com.acme.governance.api.access.AccessRequestRejected;
import com.acme.governance.api.access.AccessRequestWithdrawn;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.api.access.AppliedPolicy;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.query.ingestion.IncomingEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one access request's event stream, grant included, as the relay would deliver it (see {@link EventChain}),
 * with the local users: bob (marketing) asks for a sales product, alice (sales) approves as OWNER, carol as STEWARD.
 */
public final class AccessRequestStream {

    private static final java.util.function.Function<String, List<KafkaAclBinding>> BINDINGS = team -> List.of(
            new KafkaAclBinding("User:" + team, KafkaAclBinding.Resource.TOPIC, "sales.orders.v1",
                    KafkaAclBinding.Pattern.LITERAL, KafkaAclBinding.Operation.READ),
            new KafkaAclBinding("User:" + team, KafkaAclBinding.Resource.GROUP, team + ".",
                    KafkaAclBinding.Pattern.PREFIXED, KafkaAclBinding.Operation.READ));
    public static final Instant START = Instant.parse("2026-03-10T10:00:00.500Z");
    public static final String PRODUCT = "sales.orders";
    /** What {@code confidential-data} version 2 demands of a confidential product. */
    public static final AccessDecision OWNER_AND_STEWARD = new AccessDecision(
            List.of(new AppliedPolicy("confidential-data", 2), new AppliedPolicy("sales-pii", 1)),
            List.of(ApprovalRole.OWNER, ApprovalRole.STEWARD), 30, true);
    /** No matching rule: the default. */
    public static final AccessDecision OWNER_ONLY = new AccessDecision(List.of(), List.of(ApprovalRole.OWNER),
            AccessDecision.DEFAULT_MAX_GRANT_DAYS, false);

    private static final List<String> STEWARD = List.of("STEWARD");

    private final String id;
    private final EventChain chain;
    private DataProductId dataProductId;
    private String consumerTeam;
    private int durationDays;
    private List<ApprovalRole> outstanding = List.of();
    private String lastApprover;
    private Instant expiresAt;

    private AccessRequestStream(String id, Instant start) {
        this.id = id;
        this.chain = new EventChain(id, "AccessRequest", start);
    }

    public static AccessRequestStream of(String id) {
        return new AccessRequestStream(id, START);
    }

    public static AccessRequestStream of(String id, Instant start) {
        return new AccessRequestStream(id, start);
    }

    /** bob asks, for marketing, 30 days on sales.orders, which needs OWNER and STEWARD. */
    public AccessRequestStream requested() {
        return requested(PRODUCT, "sales", "marketing", "bob", List.of("marketing"), OWNER_AND_STEWARD);
    }

    public AccessRequestStream requested(String product, String ownerTeam, String consumerTeam, String requestedBy,
                                         List<String> requesterTeams, AccessDecision decision) {
        this.dataProductId = DataProductId.of(product);
        this.consumerTeam = consumerTeam;
        this.durationDays = Math.min(30, decision.maxGrantDays());
        this.outstanding = decision.requiredApprovals();
        chain.append(new AccessRequested(id, dataProductId, ownerTeam, consumerTeam, "campaign attribution",
                durationDays, requestedBy, decision), requestedBy, requesterTeams, List.of());
        return this;
    }

    /** alice, of the sales team, as OWNER. */
    public AccessRequestStream approvedByOwner() {
        return approved("alice", ApprovalRole.OWNER, List.of("sales"), List.of());
    }

    /** carol, data steward, as STEWARD. */
    public AccessRequestStream approvedBySteward() {
        return approved("carol", ApprovalRole.STEWARD, List.of(), STEWARD);
    }

    public AccessRequestStream approved(String principal, ApprovalRole role, List<String> teams, List<String> roles) {
        List<ApprovalRole> stillOutstanding = new ArrayList<>(outstanding);
        stillOutstanding.remove(role);
        outstanding = List.copyOf(stillOutstanding);
        lastApprover = principal;
        chain.append(new AccessRequestApproved(id, principal, role, outstanding), principal, teams, roles);
        return this;
    }

    /** As the command side does: in the same decision as the last approval, starting now, for the asked days. */
    public AccessRequestStream granted() {
        Instant startsAt = chain.nextTime().minusMillis(250);
        expiresAt = startsAt.plus(Duration.ofDays(durationDays));
        chain.append(new AccessGranted(id, dataProductId, consumerTeam, startsAt, expiresAt), lastApprover, List.of(),
                List.of());
        return this;
    }

    public AccessRequestStream rejected(String by, String reason) {
        chain.append(new AccessRequestRejected(id, by, reason), by, List.of("sales"), List.of());
        return this;
    }

    public AccessRequestStream withdrawn() {
        chain.append(new AccessRequestWithdrawn(id, "bob"), "bob", List.of("marketing"), List.of());
        return this;
    }

    public AccessRequestStream revoked(String by, String reason) {
        chain.append(new AccessGrantRevoked(id, dataProductId, by, reason), by, List.of(), STEWARD);
        return this;
    }

    /** The durable deadline fired: nobody's decision, recorded as the system's. */
    public AccessRequestStream expired() {
        chain.append(new AccessGrantExpired(id, dataProductId, expiresAt), "system", List.of(), List.of());
        return this;
    }

    /** The provisioner created the grant's ACLs: READ and DESCRIBE on the product's topic, READ on the team's groups. */
    public AccessRequestStream provisioned() {
        chain.append(new AccessProvisioned(id, dataProductId, consumerTeam, BINDINGS.apply(consumerTeam),
                List.of("warehouse.orders")), "system", List.of(), List.of());
        return this;
    }

    public AccessRequestStream deprovisioned() {
        chain.append(new AccessDeprovisioned(id, dataProductId, consumerTeam, BINDINGS.apply(consumerTeam),
                List.of()), "system", List.of(), List.of());
        return this;
    }

    public AccessRequestStream provisioningFailed(String reason) {
        chain.append(new ProvisioningFailed(id, dataProductId, ProvisioningStep.PROVISION, reason, 5), "system",
                List.of(), List.of());
        return this;
    }

    /** An event type this version of the query side does not know, e.g. from a newer command side. */
    public AccessRequestStream unknown(String type) {
        chain.append(type, TestJson.MAPPER.createObjectNode().put("requestId", id).put("novelty", true), "bob",
                List.of("marketing"), List.of());
        return this;
    }

    /** When the grant ends by itself, once granted. */
    public Instant expiresAt() {
        return expiresAt;
    }

    public List<IncomingEvent> events() {
        return chain.events();
    }

    public IncomingEvent last() {
        return chain.last();
    }
}
