package com.acme.governance.api;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessGrantStatus;
import com.acme.governance.api.access.AccessGranted;
import com.acme.governance.api.access.AccessDeprovisioned;
import com.acme.governance.api.access.AccessDriftDetected;
import com.acme.governance.api.access.AccessDriftRepaired;
import com.acme.governance.api.access.AccessProvisioned;
import com.acme.governance.api.access.KafkaAclBinding;
import com.acme.governance.api.access.ProvisioningFailed;
import com.acme.governance.api.access.ProvisioningStep;
import com.acme.governance.api.access.AccessRequestApproved;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.AccessRequestRejected;
import com.acme.governance.api.access.AccessRequestStatus;
import com.acme.governance.api.access.AccessRequestWithdrawn;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.api.access.AppliedPolicy;
import com.acme.governance.api.access.ApproveAccessRequest;
import com.acme.governance.api.access.FindAccessGrant;
import com.acme.governance.api.access.FindAccessRequest;
import com.acme.governance.api.access.ListAccessGrants;
import com.acme.governance.api.access.ListAccessRequests;
import com.acme.governance.api.access.RejectAccessRequest;
import com.acme.governance.api.access.RequestAccess;
import com.acme.governance.api.access.RevokeAccessGrant;
import com.acme.governance.api.access.WithdrawAccessRequest;
import com.acme.governance.api.audit.AuditDigestIssued;
import com.acme.governance.api.audit.IssueAuditDigest;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.ChangeCompatibilityMode;
import com.acme.governance.api.dataproduct.CheckContractVersion;
import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.api.dataproduct.CompatibilityModeChanged;
import com.acme.governance.api.dataproduct.ContractReference;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.api.dataproduct.DeprecateDataProduct;
import com.acme.governance.api.dataproduct.FindDataProduct;
import com.acme.governance.api.dataproduct.FindDataProductHistory;
import com.acme.governance.api.dataproduct.ListDataProducts;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.PortKind;
import com.acme.governance.api.dataproduct.PublishContractVersion;
import com.acme.governance.api.dataproduct.PublishDataProduct;
import com.acme.governance.api.dataproduct.RegisterDataProduct;
import com.acme.governance.api.dataproduct.RetireDataProduct;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.api.dataproduct.Tag;
import com.acme.governance.api.dataproduct.UpdateDataProduct;
import com.acme.governance.api.policy.AmendPolicy;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.api.policy.DefinePolicy;
import com.acme.governance.api.policy.FindPolicy;
import com.acme.governance.api.policy.ListPolicies;
import com.acme.governance.api.policy.ListPolicyVersions;
import com.acme.governance.api.policy.PolicyAmended;
import com.acme.governance.api.policy.PolicyDefined;
import com.acme.governance.api.policy.PolicyId;
import com.acme.governance.api.policy.PolicyRetired;
import com.acme.governance.api.policy.PolicyRule;
import com.acme.governance.api.policy.PolicyScope;
import com.acme.governance.api.policy.PolicyStatus;
import com.acme.governance.api.policy.RetirePolicy;
import com.acme.governance.api.policy.RuleCondition;
import com.acme.governance.api.policy.RuleOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** One realistic instance of every message of the contract; a new message without a sample fails the tests. */
final class ContractSamples {

    static final DataProductId ORDERS = DataProductId.of("sales.orders");
    static final List<OutputPort> PORTS = List.of(new OutputPort("events", PortKind.KAFKA_TOPIC, "sales.orders.v1"));

    static final String REQUEST = "5f0c6f4e-8a53-4c1e-9d1f-2b7f3c7f6a10";
    static final List<KafkaAclBinding> BINDINGS = List.of(
            new KafkaAclBinding("User:marketing", KafkaAclBinding.Resource.TOPIC, "sales.orders.v1",
                    KafkaAclBinding.Pattern.LITERAL, KafkaAclBinding.Operation.READ),
            new KafkaAclBinding("User:marketing", KafkaAclBinding.Resource.TOPIC, "sales.orders.v1",
                    KafkaAclBinding.Pattern.LITERAL, KafkaAclBinding.Operation.DESCRIBE),
            new KafkaAclBinding("User:marketing", KafkaAclBinding.Resource.GROUP, "marketing.",
                    KafkaAclBinding.Pattern.PREFIXED, KafkaAclBinding.Operation.READ));
    static final AccessRequestId REQUEST_ID = AccessRequestId.of(REQUEST);
    static final PolicyId POLICY = PolicyId.of("confidential-data");
    static final Instant START = Instant.parse("2026-11-25T10:15:30.123Z");
    static final List<PolicyRule> RULES = List.of(new PolicyRule(
            new RuleCondition(List.of(Classification.CONFIDENTIAL, Classification.RESTRICTED), List.of()),
            new RuleOutcome(List.of(ApprovalRole.OWNER, ApprovalRole.STEWARD), 30, true)));
    static final AccessDecision DECISION = new AccessDecision(List.of(new AppliedPolicy("confidential-data", 1)),
            List.of(ApprovalRole.OWNER, ApprovalRole.STEWARD), 30, true);

    static final String DIGEST = "0d1b2c3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String ROOT_HASH = "5d41402abc4b2a76b9719d911017c592a1f0e6b3c2d4e5f60718293a4b5c6d7e";
    static final String KEY_ID = "3f2a9c1e7b4d6a08";
    static final String SIGNATURE = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeA==";

    private ContractSamples() {
    }

    static List<Object> all() {
        return List.of(
                new RegisterDataProduct(ORDERS, "Orders", "Every order placed", TeamName.of("sales"),
                        Classification.CONFIDENTIAL, List.of(Tag.of("pii")), PORTS),
                new UpdateDataProduct(ORDERS, 3L, "Orders", "All orders", Classification.RESTRICTED,
                        List.of(Tag.of("pii"), Tag.of("finance")), PORTS),
                new PublishContractVersion(ORDERS, SemanticVersion.parse("1.1.0"), SchemaType.JSON_SCHEMA, schema()),
                new PublishDataProduct(ORDERS),
                new DeprecateDataProduct(ORDERS, "replaced", DataProductId.of("sales.orders-v2")),
                new RetireDataProduct(ORDERS, "gone"),
                new DataProductRegistered(ORDERS, "Orders", "Every order placed", "sales", Classification.CONFIDENTIAL,
                        List.of("pii"), PORTS),
                new DataProductUpdated(ORDERS, "Orders", null, Classification.INTERNAL, List.of(), List.of()),
                new ContractVersionPublished(ORDERS, SemanticVersion.parse("1.1.0"), SchemaType.JSON_SCHEMA, schema(),
                        List.of(ContractReference.of("crm.customers@2.0.0")), odcs()),
                new DataProductPublished(ORDERS),
                new DataProductDeprecated(ORDERS, "replaced", DataProductId.of("sales.orders-v2")),
                new DataProductRetired(ORDERS, "gone"),
                new ChangeCompatibilityMode(ORDERS, CompatibilityMode.BACKWARD_TRANSITIVE),
                new CompatibilityModeChanged(ORDERS, CompatibilityMode.BACKWARD_TRANSITIVE,
                        CompatibilityMode.CONSUMER_SAFE),
                new CheckContractVersion(ORDERS, SemanticVersion.parse("1.2.0"), SchemaType.AVRO, schema()),
                new FindDataProduct(ORDERS),
                new FindDataProductHistory(ORDERS),
                new ListDataProducts("sales", TeamName.of("sales"), Classification.CONFIDENTIAL, Tag.of("pii"), DataProductStatus.PUBLISHED,
                        "order", 0, 20),
                new DefinePolicy(POLICY, "Confidential data", PolicyScope.global(), RULES),
                new AmendPolicy(POLICY, "Confidential data", new PolicyScope("sales"), RULES, "tighter"),
                new RetirePolicy(POLICY, "superseded"),
                new PolicyDefined("confidential-data", 1, "Confidential data", PolicyScope.global(), RULES),
                new PolicyAmended("confidential-data", 2, "Confidential data", new PolicyScope("sales"), RULES, "tighter"),
                new PolicyRetired("confidential-data", 3, "superseded"),
                new FindPolicy(PolicyId.of("confidential-data")),
                new ListPolicies(PolicyStatus.ACTIVE, "sales", 0, 20),
                new ListPolicyVersions(PolicyId.of("confidential-data")),
                new RequestAccess(REQUEST_ID, ORDERS, TeamName.of("marketing"), "campaign attribution", 30),
                new ApproveAccessRequest(REQUEST_ID),
                new RejectAccessRequest(REQUEST_ID, "no"),
                new WithdrawAccessRequest(REQUEST_ID),
                new RevokeAccessGrant(REQUEST_ID, "misuse"),
                new AccessRequested(REQUEST, ORDERS, "sales", "marketing", "campaign attribution", 30, "bob", DECISION),
                new AccessRequestApproved(REQUEST, "alice", ApprovalRole.OWNER, List.of(ApprovalRole.STEWARD)),
                new AccessRequestRejected(REQUEST, "alice", "no"),
                new AccessRequestWithdrawn(REQUEST, "bob"),
                new AccessGranted(REQUEST, ORDERS, "marketing", START, START.plus(30, ChronoUnit.DAYS)),
                new AccessGrantRevoked(REQUEST, ORDERS, "carol", "misuse"),
                new AccessGrantExpired(REQUEST, ORDERS, START.plus(30, ChronoUnit.DAYS)),
                new AccessProvisioned(REQUEST, ORDERS, "marketing", BINDINGS, List.of("warehouse.orders")),
                new AccessDeprovisioned(REQUEST, ORDERS, "marketing", BINDINGS.subList(0, 2), BINDINGS.subList(2, 3)),
                new ProvisioningFailed(REQUEST, ORDERS, ProvisioningStep.PROVISION, "not authorized to alter ACLs", 5),
                new AccessDriftRepaired(REQUEST, ORDERS, "marketing", BINDINGS.subList(0, 1)),
                new AccessDriftDetected(List.of("User:bob READ TOPIC sales.orders.v1 (LITERAL) ALLOW from *"), false),
                new FindAccessRequest(AccessRequestId.of(REQUEST)),
                new ListAccessRequests(AccessRequestStatus.PENDING, ORDERS, TeamName.of("marketing"), true, 0, 20),
                new FindAccessGrant(AccessRequestId.of(REQUEST)),
                new ListAccessGrants(ORDERS, TeamName.of("marketing"), AccessGrantStatus.ACTIVE, 0, 20),
                new IssueAuditDigest(IssueAuditDigest.LEDGER, DIGEST, START, 7, 2, ROOT_HASH, KEY_ID, SIGNATURE, 0L),
                new AuditDigestIssued(DIGEST, START, 7, 2, ROOT_HASH, KEY_ID, SIGNATURE));
    }

    static JsonNode odcs() {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("apiVersion", "v3.1.0").put("kind", "DataContract").put("id", "sales.orders")
                .put("version", "1.1.0").put("status", "draft");
        return document;
    }

    static JsonNode schema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        schema.putArray("required").add("id");
        schema.putObject("properties").putObject("id").put("type", "string");
        return schema;
    }
}
