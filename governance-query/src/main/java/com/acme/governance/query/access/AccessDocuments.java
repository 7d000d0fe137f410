package com.acme.governance.query.access;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.access.AccessRequestApproved;
import com.acme.governance.api.access.AppliedPolicy;
import com.acme.governance.api.policy.ApprovalRole;
import com.acme.governance.query.ingestion.IncomingEvent;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static com.acme.governance.query.access.AccessFields.*;

/** The parts requests and grants share (the access decision, the approvals) as stored, both ways. */
final class AccessDocuments {

    private AccessDocuments() {
    }

    static Document decision(AccessDecision decision) {
        if (decision == null) {
            return null;
        }
        return new Document()
                .append(POLICIES, decision.policies().stream()
                        .map(policy -> new Document(POLICY_ID, policy.policyId()).append(POLICY_VERSION, policy.version()))
                        .toList())
                .append(REQUIRED_APPROVALS, roles(decision.requiredApprovals()))
                .append(MAX_GRANT_DAYS, decision.maxGrantDays())
                .append(PURPOSE_REQUIRED, decision.purposeRequired());
    }

    static AccessDecision decisionOf(Document decision) {
        if (decision == null) {
            return null;
        }
        return new AccessDecision(
                decision.getList(POLICIES, Document.class, List.of()).stream()
                        .map(policy -> new AppliedPolicy(policy.getString(POLICY_ID),
                                policy.get(POLICY_VERSION, Number.class).intValue()))
                        .toList(),
                rolesOf(decision.getList(REQUIRED_APPROVALS, String.class, List.of())),
                decision.get(MAX_GRANT_DAYS, Number.class).intValue(),
                decision.getBoolean(PURPOSE_REQUIRED, false));
    }

    /** Who approved, in which role, and when: the event's time, as the approval is that event. */
    static Document approval(IncomingEvent event, AccessRequestApproved approved) {
        return new Document()
                .append(APPROVAL_PRINCIPAL, approved.approvedBy())
                .append(APPROVAL_ROLE, approved.role().name())
                .append(APPROVED_AT, Date.from(event.time()));
    }

    static List<ApprovalView> approvalsOf(List<Document> approvals) {
        return approvals.stream()
                .map(approval -> new ApprovalView(approval.getString(APPROVAL_PRINCIPAL),
                        ApprovalRole.valueOf(approval.getString(APPROVAL_ROLE)),
                        instant(approval.getDate(APPROVED_AT))))
                .toList();
    }

    static List<String> roles(List<ApprovalRole> roles) {
        return (roles == null ? List.<ApprovalRole>of() : roles).stream().map(Enum::name).toList();
    }

    static List<ApprovalRole> rolesOf(List<String> roles) {
        return roles.stream().map(ApprovalRole::valueOf).toList();
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
