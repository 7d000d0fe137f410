package com.acme.governance.command.access.provisioning;

import com.acme.governance.api.access.KafkaAclBinding;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The provisioner's own memory of which bindings each grant implies and whether the grant is still active
 * ({@code acl_provisioning}), shared by every command instance. A grant is written here before its ACLs are created
 * and marked ended before they are deleted, so that, whatever instant a crash interrupts, a binding another active
 * grant needs is never deleted: the ledger always counts at least the grants that may hold access.
 */
public class ProvisioningLedger {

    static final String ID = "_id";
    static final String TEAM = "team";
    static final String PRODUCT = "dataProductId";
    static final String ACTIVE = "active";
    static final String BINDINGS = "bindings";
    static final String DEPROVISIONED = "deprovisioned";
    static final String ENDED_BY = "endedBy";
    static final String GRANTED_BY = "grantedBy";
    static final String PROVISIONED = "provisioned";

    private final MongoCollection<Document> grants;

    public ProvisioningLedger(MongoCollection<Document> grants) {
        this.grants = grants;
    }

    /** The grant, active, its bindings not known yet: the first thing done for it, so no retry can lose it. */
    public LedgerGrant recordActive(String requestId, String team, String dataProductId, String grantedBy) {
        Document grant = new Document(ID, requestId).append(TEAM, team).append(PRODUCT, dataProductId)
                .append(ACTIVE, true).append(PROVISIONED, false).append(GRANTED_BY, grantedBy)
                .append(BINDINGS, List.of());
        grants.replaceOne(Filters.eq(ID, requestId), grant, new ReplaceOptions().upsert(true));
        return grantOf(grant);
    }

    /** The bindings the active grant implies, written before they are created. */
    public void recordBindings(String requestId, List<KafkaAclBinding> bindings) {
        grants.updateOne(Filters.eq(ID, requestId), Updates.set(BINDINGS, documents(bindings)));
    }

    /** Its bindings are on the cluster and recorded on the grant. */
    public void provisioned(String requestId) {
        grants.updateOne(Filters.eq(ID, requestId), Updates.set(PROVISIONED, true));
    }

    /** Active grants whose provisioning failed or was cut short. */
    public List<LedgerGrant> activeNotProvisioned() {
        List<LedgerGrant> pending = new ArrayList<>();
        for (Document grant : grants.find(Filters.and(Filters.eq(ACTIVE, true), Filters.ne(PROVISIONED, true)))) {
            pending.add(grantOf(grant));
        }
        return pending;
    }

    /**
     * Marks the grant ended by that event, its bindings not yet removed; the grant as recorded, if it ever was.
     */
    public Optional<LedgerGrant> end(String requestId, String endedBy) {
        Document grant = grants.find(Filters.eq(ID, requestId)).first();
        if (grant == null) {
            return Optional.empty();
        }
        grants.updateOne(Filters.eq(ID, requestId), Updates.combine(Updates.set(ACTIVE, false),
                Updates.set(ENDED_BY, endedBy)));
        return Optional.of(grantOf(grant.append(ENDED_BY, endedBy)));
    }

    /** Every binding any grant implies or implied: the resources the service manages. */
    public List<KafkaAclBinding> allBindings() {
        List<KafkaAclBinding> all = new ArrayList<>();
        for (Document grant : grants.find()) {
            all.addAll(bindings(grant));
        }
        return all;
    }

    /** The ended grant's bindings are removed (but for those other grants imply): nothing left to do for it. */
    public void deprovisioned(String requestId) {
        grants.updateOne(Filters.eq(ID, requestId), Updates.set(DEPROVISIONED, true));
    }

    /** Ended grants whose bindings may still be on the cluster: their deprovisioning failed or was cut short. */
    public List<LedgerGrant> endedNotDeprovisioned() {
        List<LedgerGrant> ended = new ArrayList<>();
        for (Document grant : grants.find(Filters.and(Filters.eq(ACTIVE, false), Filters.ne(DEPROVISIONED, true)))) {
            ended.add(grantOf(grant));
        }
        return ended;
    }

    /** Every binding the team's other active grants imply. */
    public Set<KafkaAclBinding> impliedByOtherActiveGrants(String team, String requestId) {
        Set<KafkaAclBinding> implied = new LinkedHashSet<>();
        for (Document grant : grants.find(activeOfTeamBut(team, requestId))) {
            implied.addAll(bindings(grant));
        }
        return implied;
    }

    /** The active grants whose bindings were provisioned: what the cluster must hold. */
    public List<LedgerGrant> provisionedGrants() {
        List<LedgerGrant> active = new ArrayList<>();
        for (Document grant : grants.find(Filters.and(Filters.eq(ACTIVE, true), Filters.eq(PROVISIONED, true)))) {
            active.add(grantOf(grant));
        }
        return active;
    }

    /**
     * A grant as the ledger holds it: its team, product and the bindings it implies.
     *
     * @param grantedBy the id of the event that granted it
     * @param endedBy   the id of the event that ended it; null while it is active
     */
    public record LedgerGrant(String requestId, String team, String dataProductId, List<KafkaAclBinding> bindings,
                              String grantedBy, String endedBy) {
    }

    private static LedgerGrant grantOf(Document grant) {
        return new LedgerGrant(grant.getString(ID), grant.getString(TEAM), grant.getString(PRODUCT), bindings(grant),
                grant.getString(GRANTED_BY), grant.getString(ENDED_BY));
    }

    private static Bson activeOfTeamBut(String team, String requestId) {
        return Filters.and(Filters.eq(TEAM, team), Filters.eq(ACTIVE, true), Filters.ne(ID, requestId));
    }

    private static List<Document> documents(List<KafkaAclBinding> bindings) {
        return bindings.stream().map(binding -> new Document("principal", binding.principal())
                .append("resourceType", binding.resourceType().name())
                .append("resourceName", binding.resourceName())
                .append("patternType", binding.patternType().name())
                .append("operation", binding.operation().name())).toList();
    }

    private static List<KafkaAclBinding> bindings(Document grant) {
        return grant.getList(BINDINGS, Document.class, List.of()).stream().map(binding -> new KafkaAclBinding(
                binding.getString("principal"),
                KafkaAclBinding.Resource.valueOf(binding.getString("resourceType")),
                binding.getString("resourceName"),
                KafkaAclBinding.Pattern.valueOf(binding.getString("patternType")),
                KafkaAclBinding.Operation.valueOf(binding.getString("operation")))).toList();
    }
}
